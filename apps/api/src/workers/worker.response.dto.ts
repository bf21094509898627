import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';
import { EMPLOYMENT_STATUSES, EmploymentStatus, SKILL_SOURCES, SkillSource } from '@ricarica/workers';

export class WorkerSkillResponseDto {
  @ApiProperty({ example: 'a2d2e4a4-30ee-4a4d-a43c-1ed4b9d8e4b6' })
  skillId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/a2d2e4a4-30ee-4a4d-a43c-1ed4b9d8e4b6' })
  uri: string;

  @ApiProperty({ example: 'saldatura TIG' })
  label: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 4 })
  level: number;

  @ApiProperty({ enum: SKILL_SOURCES, example: 'inferred' })
  source: SkillSource;
}

export class PreviousOccupationResponseDto {
  @ApiProperty({ example: 'f2b15a0e-e65a-438a-affb-29b9d50b77d1' })
  occupationId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1' })
  uri: string;

  @ApiProperty({ example: 'saldatore/saldatrice' })
  label: string;

  @ApiProperty({ example: 12 })
  years: number;
}

export class WorkerResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  id: string;

  @ApiProperty({ example: 'Giulia Ferrero' })
  name: string;

  @ApiProperty({ example: 'giulia.ferrero@example.it', nullable: true, type: String })
  email: string | null;

  @ApiProperty({ type: PlaceDto })
  home: PlaceDto;

  @ApiProperty({ example: 40 })
  mobilityRadiusKm: number;

  @ApiProperty({ example: ['it'] })
  languages: string[];

  @ApiProperty({ enum: EMPLOYMENT_STATUSES, example: 'displaced' })
  employmentStatus: EmploymentStatus;

  @ApiProperty({ example: false })
  visibleToEmployers: boolean;

  @ApiProperty({ type: [PreviousOccupationResponseDto] })
  previousOccupations: PreviousOccupationResponseDto[];

  @ApiProperty({ type: [WorkerSkillResponseDto] })
  skills: WorkerSkillResponseDto[];

  @ApiProperty({ example: 3, description: 'Increases with every change' })
  version: number;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class WorkerSummaryResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  id: string;

  @ApiProperty({ example: 'Giulia Ferrero' })
  name: string;

  @ApiProperty({ type: PlaceDto })
  home: PlaceDto;

  @ApiProperty({ example: 40 })
  mobilityRadiusKm: number;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES, example: 'displaced' })
  employmentStatus: EmploymentStatus;

  @ApiProperty({ example: true })
  visibleToEmployers: boolean;

  @ApiProperty({ example: 24 })
  skillCount: number;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;
}

export class WorkerPageResponseDto {
  @ApiProperty({ type: [WorkerSummaryResponseDto] })
  items: WorkerSummaryResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
