import { ApiProperty } from '@nestjs/swagger';
import {
  InsightAreaNameResponseDto,
  InsightHeadlineResponseDto,
  InsightShortageIntensityResponseDto,
  InsightSkillGapValueResponseDto,
  InsightSnapshotRefResponseDto,
} from './insights-common.response.dto';

export class RegionSummaryResponseDto {
  @ApiProperty({ type: InsightAreaNameResponseDto })
  region: InsightAreaNameResponseDto;

  @ApiProperty({ type: InsightHeadlineResponseDto })
  headline: InsightHeadlineResponseDto;

  @ApiProperty({ type: InsightShortageIntensityResponseDto })
  shortage: InsightShortageIntensityResponseDto;

  @ApiProperty({ type: [InsightSkillGapValueResponseDto], description: 'The 3 largest shortages, largest first' })
  topShortages: InsightSkillGapValueResponseDto[];
}

export class RegionsInsightsResponseDto {
  @ApiProperty({ type: InsightSnapshotRefResponseDto })
  snapshot: InsightSnapshotRefResponseDto;

  @ApiProperty({ type: [RegionSummaryResponseDto], description: 'Every NUTS-2 region, by code' })
  items: RegionSummaryResponseDto[];
}

export class ProvinceSummaryResponseDto {
  @ApiProperty({ type: InsightAreaNameResponseDto, example: { code: 'TO', name: 'Torino' } })
  province: InsightAreaNameResponseDto;

  @ApiProperty({ type: InsightHeadlineResponseDto })
  headline: InsightHeadlineResponseDto;

  @ApiProperty({ type: InsightShortageIntensityResponseDto })
  shortage: InsightShortageIntensityResponseDto;

  @ApiProperty({ type: [InsightSkillGapValueResponseDto], description: 'The 3 largest shortages, largest first' })
  topShortages: InsightSkillGapValueResponseDto[];
}

export class ProvincesInsightsResponseDto {
  @ApiProperty({ type: InsightSnapshotRefResponseDto })
  snapshot: InsightSnapshotRefResponseDto;

  @ApiProperty({ type: InsightAreaNameResponseDto })
  region: InsightAreaNameResponseDto;

  @ApiProperty({ type: [ProvinceSummaryResponseDto], description: 'Every province of the region, by code' })
  items: ProvinceSummaryResponseDto[];
}

export class InsightMonthResponseDto {
  @ApiProperty({ example: '2026-11', pattern: '^\\d{4}-\\d{2}$' })
  month: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z', description: 'The instant the figures describe (the month\'s end once final)' })
  asOf: Date;

  @ApiProperty({ example: '2026-11-23T01:31:12.000Z' })
  computedAt: Date;
}

export class InsightMonthsResponseDto {
  @ApiProperty({ type: [InsightMonthResponseDto], description: 'Months with a stored snapshot, latest first' })
  items: InsightMonthResponseDto[];
}
