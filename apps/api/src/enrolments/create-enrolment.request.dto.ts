import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CreateEnrolmentRequestDto {
  @ApiProperty({ example: '1e7b3c9a-5f2d-4b8e-a0c6-9d4f2a7e1b53', description: "One of the course's sessions that has not started" })
  @IsUUID('all', { message: 'must be the id of one of the course sessions' })
  sessionId: string;
}
