import { ApiProperty } from '@nestjs/swagger';
import { InsightAreaRefResponseDto, InsightCellResponseDto, InsightLabelResponseDto, InsightSnapshotRefResponseDto } from './insights-common.response.dto';

export class SkillFiguresResponseDto {
  @ApiProperty({ type: InsightCellResponseDto, description: 'Displaced and at-risk workers holding it' })
  supply: InsightCellResponseDto;

  @ApiProperty({ example: 12 })
  demandEssential: number;

  @ApiProperty({ example: 3 })
  demandOptional: number;

  @ApiProperty({ type: InsightCellResponseDto, description: 'demand − supply' })
  gap: InsightCellResponseDto;

  @ApiProperty({ example: 2 })
  courses: number;

  @ApiProperty({ example: 24 })
  seatsNext90Days: number;

  @ApiProperty({ type: InsightCellResponseDto })
  workersInNeed: InsightCellResponseDto;
}

export class SkillAreaFiguresResponseDto extends SkillFiguresResponseDto {
  @ApiProperty({ type: InsightAreaRefResponseDto })
  area: InsightAreaRefResponseDto;
}

export class SkillTrendPointResponseDto extends SkillFiguresResponseDto {
  @ApiProperty({ example: '2026-10' })
  month: string;

  @ApiProperty({ example: 'ITC1', description: 'Region code' })
  areaCode: string;
}

export class SkillInsightsResponseDto {
  @ApiProperty({ type: InsightSnapshotRefResponseDto })
  snapshot: InsightSnapshotRefResponseDto;

  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ type: [SkillAreaFiguresResponseDto], description: 'The region asked for and its provinces, or every region' })
  areas: SkillAreaFiguresResponseDto[];

  @ApiProperty({ type: [SkillTrendPointResponseDto], description: 'Per region and month, up to the snapshot month' })
  trend: SkillTrendPointResponseDto[];
}
