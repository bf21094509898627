import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { APPLICATION_STATUSES, ApplicationStatus } from '@ricarica/applications';

export class UpdateApplicationRequestDto {
  @ApiProperty({
    enum: APPLICATION_STATUSES,
    example: 'shortlisted',
    description: 'The employer: received → shortlisted | rejected, shortlisted → rejected | hired. The worker: withdrawn, while received or shortlisted.',
  })
  @IsIn(APPLICATION_STATUSES)
  status: ApplicationStatus;
}
