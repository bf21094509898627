import { ApiProperty } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '@ricarica/applications';
import { ApplicantResponseDto, OrganisationRefResponseDto } from '../applications/applicant.response.dto';

export class EnrolmentCourseResponseDto {
  @ApiProperty({ example: '2a6f9c3e-7b1d-4e5a-8c0f-3d9b1e7a5c24' })
  id: string;

  @ApiProperty({ example: 'Manutenzione di veicoli elettrici e ibridi' })
  title: string;

  @ApiProperty({ type: OrganisationRefResponseDto })
  provider: OrganisationRefResponseDto;
}

export class EnrolmentSessionResponseDto {
  @ApiProperty({ example: '1e7b3c9a-5f2d-4b8e-a0c6-9d4f2a7e1b53' })
  id: string;

  @ApiProperty({ example: '2027-02-01T08:00:00.000Z' })
  startsAt: Date;

  @ApiProperty({ example: '2027-04-30T16:00:00.000Z' })
  endsAt: Date;
}

export class EnrolmentResponseDto {
  @ApiProperty({ example: '8b2e4f6a-1c3d-4e5f-9a7b-0c2d4e6f8a1b' })
  id: string;

  @ApiProperty({ enum: ENROLMENT_STATUSES, example: 'requested' })
  status: EnrolmentStatus;

  @ApiProperty({ type: EnrolmentCourseResponseDto })
  course: EnrolmentCourseResponseDto;

  @ApiProperty({ type: EnrolmentSessionResponseDto, nullable: true, description: 'Null if the provider removed the session' })
  session: EnrolmentSessionResponseDto | null;

  @ApiProperty({ type: ApplicantResponseDto, nullable: true, description: 'Null once the worker erased their account' })
  worker: ApplicantResponseDto | null;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class EnrolmentPageResponseDto {
  @ApiProperty({ type: [EnrolmentResponseDto] })
  items: EnrolmentResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
