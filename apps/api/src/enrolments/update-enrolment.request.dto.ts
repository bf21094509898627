import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '@ricarica/applications';

export class UpdateEnrolmentRequestDto {
  @ApiProperty({
    enum: ENROLMENT_STATUSES,
    example: 'accepted',
    description: 'The provider: requested → accepted | declined. The worker: withdrawn, while requested or accepted. Declined and withdrawn give the seat back.',
  })
  @IsIn(ENROLMENT_STATUSES)
  status: EnrolmentStatus;
}
