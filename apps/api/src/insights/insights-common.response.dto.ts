import { ApiProperty } from '@nestjs/swagger';

/** A published count: null with `suppressed` when it counts too few people to publish. */
export class InsightCellResponseDto {
  @ApiProperty({ type: Number, nullable: true, example: 128, description: 'null when suppressed, or when a rate has no denominator' })
  value: number | null;

  @ApiProperty({ example: false, description: 'true: withheld from the public (fewer than 5 workers, or it would give such a count back)' })
  suppressed: boolean;
}

export class InsightLabelResponseDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', description: 'ESCO id (skill, occupation or skill group)' })
  id: string;

  @ApiProperty({ example: 'saldare metalli', description: 'Label in the language asked for' })
  label: string;
}

export class InsightAreaNameResponseDto {
  @ApiProperty({ example: 'ITC1', description: 'NUTS-2 region code or province abbreviation' })
  code: string;

  @ApiProperty({ example: 'Piemonte' })
  name: string;
}

export class InsightSnapshotRefResponseDto {
  @ApiProperty({ example: '2026-11', pattern: '^\\d{4}-\\d{2}$' })
  month: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z', description: 'The instant the figures describe' })
  asOf: Date;

  @ApiProperty({ example: '2026-11-23T01:31:12.000Z' })
  computedAt: Date;

  @ApiProperty({ example: true, description: 'False for admins: every figure is shown as counted' })
  suppressionApplied: boolean;

  @ApiProperty({ example: 5, description: 'Smallest worker count published' })
  threshold: number;
}

export class InsightAreaRefResponseDto {
  @ApiProperty({ enum: ['region', 'province'], example: 'region' })
  level: 'region' | 'province';

  @ApiProperty({ example: 'ITC1' })
  code: string;

  @ApiProperty({ example: 'Piemonte' })
  name: string;

  @ApiProperty({ type: InsightAreaNameResponseDto, description: 'The region (itself, for a region)' })
  region: InsightAreaNameResponseDto;
}

export class InsightWorkersByStatusResponseDto {
  @ApiProperty({ type: InsightCellResponseDto })
  displaced: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  at_risk: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  employed: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  unemployed: InsightCellResponseDto;
}

export class InsightHeadlineResponseDto {
  @ApiProperty({ type: InsightCellResponseDto, description: 'Workers with a home in the area' })
  workers: InsightCellResponseDto;

  @ApiProperty({ type: InsightWorkersByStatusResponseDto })
  byStatus: InsightWorkersByStatusResponseDto;

  @ApiProperty({ example: 42, description: 'Open vacancies located in the area' })
  vacancies: number;

  @ApiProperty({ example: 97, description: 'Openings (positions) of those vacancies' })
  openings: number;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Share of displaced workers with a vacancy scored ≥ 0.7 (0..1)' })
  matchRate: InsightCellResponseDto;
}

export class InsightShortageIntensityResponseDto {
  @ApiProperty({ type: InsightCellResponseDto, description: 'Positive gaps summed over every skill: openings requiring a skill beyond the at-risk workers holding it' })
  openings: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'That sum per 100 displaced and at-risk workers; null (not suppressed) when there are none' })
  per100AtRiskWorkers: InsightCellResponseDto;
}

export class InsightSkillGapValueResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Openings requiring it − at-risk workers holding it' })
  gap: InsightCellResponseDto;
}
