import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationStatus } from '@ricarica/applications';
import { ApplicantResponseDto, OrganisationRefResponseDto } from './applicant.response.dto';

export class ApplicationVacancyResponseDto {
  @ApiProperty({ example: '7d3c1a9e-2b4f-4e6a-9c8d-1f0e3b5a7c92' })
  id: string;

  @ApiProperty({ example: 'Saldatore TIG' })
  title: string;

  @ApiProperty({ type: OrganisationRefResponseDto })
  employer: OrganisationRefResponseDto;
}

export class ApplicationResponseDto {
  @ApiProperty({ example: 'c0a8012e-4b1d-4f7a-9e3c-5d2b8a6f1e40' })
  id: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'received' })
  status: ApplicationStatus;

  @ApiProperty({ type: ApplicationVacancyResponseDto })
  vacancy: ApplicationVacancyResponseDto;

  @ApiProperty({ type: ApplicantResponseDto, nullable: true, description: 'Null once the worker erased their account' })
  worker: ApplicantResponseDto | null;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class ApplicationPageResponseDto {
  @ApiProperty({ type: [ApplicationResponseDto] })
  items: ApplicationResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
