import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class IdParamDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10', format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}
