import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';
import { EMPLOYMENT_STATUSES, EmploymentStatus } from '@ricarica/workers';

export class ApplicantSkillResponseDto {
  @ApiProperty({ example: 'a2d2e4a4-30ee-4a4d-a43c-1ed4b9d8e4b6' })
  skillId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/a2d2e4a4-30ee-4a4d-a43c-1ed4b9d8e4b6' })
  uri: string;

  @ApiProperty({ example: 'saldatura TIG' })
  label: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 4 })
  level: number;
}

/** The profile an application or enrolment request reveals to the employer or provider. */
export class ApplicantResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  id: string;

  @ApiProperty({ example: 'Giulia Ferrero' })
  name: string;

  @ApiProperty({ example: 'giulia.ferrero@example.it', nullable: true, type: String })
  email: string | null;

  @ApiProperty({ type: PlaceDto })
  home: PlaceDto;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES, example: 'displaced' })
  employmentStatus: EmploymentStatus;

  @ApiProperty({ example: ['it'] })
  languages: string[];

  @ApiProperty({ type: [ApplicantSkillResponseDto] })
  skills: ApplicantSkillResponseDto[];
}

export class OrganisationRefResponseDto {
  @ApiProperty({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40' })
  id: string;

  @ApiProperty({ example: 'Meccanica Subalpina S.p.A.' })
  name: string;
}
