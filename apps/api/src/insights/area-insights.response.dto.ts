import { ApiProperty } from '@nestjs/swagger';
import {
  InsightAreaRefResponseDto,
  InsightCellResponseDto,
  InsightHeadlineResponseDto,
  InsightLabelResponseDto,
  InsightSnapshotRefResponseDto,
} from './insights-common.response.dto';

export class SkillWorkersResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Displaced and at-risk workers holding it' })
  workers: InsightCellResponseDto;
}

export class SkillGroupWorkersResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto, example: { id: 'S6.1', label: 'operating machinery' } })
  group: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  workers: InsightCellResponseDto;
}

export class OccupationWorkersResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  occupation: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Displaced and at-risk workers who held it' })
  workers: InsightCellResponseDto;
}

export class AreaSupplyResponseDto {
  @ApiProperty({ type: [SkillWorkersResponseDto] })
  skills: SkillWorkersResponseDto[];

  @ApiProperty({ type: [SkillGroupWorkersResponseDto] })
  skillGroups: SkillGroupWorkersResponseDto[];

  @ApiProperty({ type: [OccupationWorkersResponseDto] })
  occupations: OccupationWorkersResponseDto[];
}

export class SkillDemandResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ example: 12, description: 'Openings requiring it as essential' })
  essential: number;

  @ApiProperty({ example: 3, description: 'Openings asking for it as optional' })
  optional: number;
}

export class OccupationDemandResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  occupation: InsightLabelResponseDto;

  @ApiProperty({ example: 9 })
  openings: number;
}

export class AreaDemandResponseDto {
  @ApiProperty({ type: [SkillDemandResponseDto] })
  skills: SkillDemandResponseDto[];

  @ApiProperty({ type: [OccupationDemandResponseDto] })
  occupations: OccupationDemandResponseDto[];
}

export class SkillGapResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ example: 12, description: 'Openings requiring it as essential' })
  demandEssential: number;

  @ApiProperty({ example: 3, description: 'Openings asking for it as optional' })
  demandOptional: number;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Displaced and at-risk workers holding it' })
  supply: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'demand − supply: positive for a shortage, negative for a surplus' })
  gap: InsightCellResponseDto;
}

export class AreaGapResponseDto {
  @ApiProperty({ type: [SkillGapResponseDto], description: 'gap > 0, largest first' })
  shortages: SkillGapResponseDto[];

  @ApiProperty({ type: [SkillGapResponseDto], description: 'gap < 0, most negative first' })
  surpluses: SkillGapResponseDto[];
}

export class TransitionResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto, description: 'Past occupation' })
  from: InsightLabelResponseDto;

  @ApiProperty({ type: InsightLabelResponseDto, description: 'Vacancy occupation' })
  to: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'At-risk workers with a match ≥ 0.7 today' })
  now: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Reaching 0.7 with at most 200 training hours' })
  withPathway: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  total: InsightCellResponseDto;
}

export class TrainingCapacityResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  gap: InsightCellResponseDto;

  @ApiProperty({ example: 2, description: 'Published courses teaching it in reach' })
  courses: number;

  @ApiProperty({ example: 24, description: 'Seats of their sessions starting in the 90 days after the snapshot' })
  seatsNext90Days: number;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Displaced and at-risk workers lacking it for one of their top matches' })
  workersInNeed: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Seats per worker in need (2 decimals)' })
  seatsPerWorkerInNeed: InsightCellResponseDto;
}

export class AreaTrainingResponseDto {
  @ApiProperty({ type: [TrainingCapacityResponseDto], description: 'One per shortage skill, largest gap first' })
  shortageSkills: TrainingCapacityResponseDto[];

  @ApiProperty({ type: [SkillGapResponseDto], description: 'Shortage skills no course in reach teaches' })
  untaughtShortageSkills: SkillGapResponseDto[];
}

export class AreaOutcomesResponseDto {
  @ApiProperty({ type: InsightCellResponseDto })
  displacedMatched: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  matchRate: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Median best score gain per training hour of displaced workers with a pathway' })
  medianGainPerTrainingHour: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Applications made in the month' })
  applications: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Applications moved to hired in the month' })
  hires: InsightCellResponseDto;
}

export class TrendPointResponseDto {
  @ApiProperty({ example: '2026-10' })
  month: string;

  @ApiProperty({ type: InsightCellResponseDto })
  workers: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  displaced: InsightCellResponseDto;

  @ApiProperty({ type: InsightCellResponseDto })
  atRisk: InsightCellResponseDto;

  @ApiProperty({ example: 40 })
  vacancies: number;

  @ApiProperty({ example: 91 })
  openings: number;

  @ApiProperty({ type: InsightCellResponseDto })
  matchRate: InsightCellResponseDto;
}

export class AreaInsightsResponseDto {
  @ApiProperty({ type: InsightSnapshotRefResponseDto })
  snapshot: InsightSnapshotRefResponseDto;

  @ApiProperty({ type: InsightAreaRefResponseDto })
  area: InsightAreaRefResponseDto;

  @ApiProperty({ type: InsightHeadlineResponseDto })
  headline: InsightHeadlineResponseDto;

  @ApiProperty({ type: AreaSupplyResponseDto })
  supply: AreaSupplyResponseDto;

  @ApiProperty({ type: AreaDemandResponseDto })
  demand: AreaDemandResponseDto;

  @ApiProperty({ type: AreaGapResponseDto })
  gap: AreaGapResponseDto;

  @ApiProperty({ type: [TransitionResponseDto] })
  transitions: TransitionResponseDto[];

  @ApiProperty({ type: AreaTrainingResponseDto })
  training: AreaTrainingResponseDto;

  @ApiProperty({ type: AreaOutcomesResponseDto })
  outcomes: AreaOutcomesResponseDto;

  @ApiProperty({ type: [TrendPointResponseDto], description: 'Every month with a stored snapshot, oldest first' })
  trend: TrendPointResponseDto[];
}
