import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EMPLOYMENT_STATUSES, EmploymentStatus } from '@ricarica/workers';
import { RequirementFitDto } from '../matches/match.response.dto';

export class CandidateApplicantResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  workerId: string;

  @ApiProperty({ example: 'c0a8012e-4b1d-4f7a-9e3c-5d2b8a6f1e40' })
  applicationId: string;

  @ApiProperty({ example: 'Giulia Ferrero' })
  name: string;

  @ApiProperty({ example: 'giulia.ferrero@example.it', nullable: true, type: String })
  email: string | null;

}

export class CandidateResponseDto {
  @ApiProperty({ example: 'mX3k9Qe1Zb7LwP0aTnR2sV', description: 'Stable for this vacancy and worker; means nothing elsewhere' })
  ref: string;

  @ApiProperty({ example: false, description: 'True when the worker applied to this vacancy: only then does `applicant` say who they are' })
  revealed: boolean;

  @ApiProperty({ example: 0.8333, description: 'The matching score, 0..1 to 4 decimals (docs/matching.md)' })
  score: number;

  @ApiProperty({ example: 8.2, description: 'From the worker\'s home to the vacancy (0 when remote)' })
  distanceKm: number;

  @ApiProperty({ example: 'Moncalieri', nullable: true, type: String, description: 'Where the worker lives, never closer than the municipality' })
  municipality: string | null;

  @ApiProperty({ example: 'TO', nullable: true, type: String })
  province: string | null;

  @ApiProperty({ example: 'ITC1', nullable: true, type: String })
  region: string | null;

  @ApiProperty({ enum: EMPLOYMENT_STATUSES, example: 'displaced' })
  employmentStatus: EmploymentStatus;

  @ApiProperty({ example: ['it'] })
  languages: string[];

  @ApiProperty({ example: 4, description: 'Requirements fully met' })
  matchedSkills: number;

  @ApiProperty({ type: [RequirementFitDto] })
  matched: RequirementFitDto[];

  @ApiProperty({ type: [RequirementFitDto] })
  gap: RequirementFitDto[];

  @ApiProperty({ example: 'Ha tutte le 6 competenze essenziali; le mancano tra le facoltative lingua inglese (livello base).' })
  explanation: string;

  @ApiProperty({ type: CandidateApplicantResponseDto, nullable: true })
  applicant: CandidateApplicantResponseDto | null;
}

export class CandidateListResponseDto {
  @ApiProperty({ example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  vacancyId: string;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z', nullable: true, type: Date })
  computedAt: Date | null;

  @ApiProperty({ example: false, description: 'True while a recomputation for this vacancy is queued' })
  stale: boolean;

  @ApiProperty({ type: [CandidateResponseDto], description: 'Consenting workers only, best fit first; anonymous unless they applied' })
  items: CandidateResponseDto[];
}

export class ListCandidatesQueryDto {
  @ApiPropertyOptional({ type: Number, example: 20, minimum: 1, maximum: 200, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 20;

  @ApiPropertyOptional({ enum: ['it', 'en'], example: 'it', description: 'Language of labels and explanations; defaults to Accept-Language, then it' })
  @IsOptional() @IsIn(['it', 'en'])
  lang?: 'it' | 'en';
}
