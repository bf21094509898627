import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/;
const REGION = /^IT[A-Z0-9]{2}$/;
const PROVINCE = /^[A-Z]{2}$/;

export class InsightsFormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', example: 'csv', description: 'csv: a spreadsheet-ready table with a header row' })
  @IsOptional() @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';

  @ApiPropertyOptional({ enum: ['it', 'en'], example: 'it', description: 'Language of labels; defaults to Accept-Language, then it' })
  @IsOptional() @IsIn(['it', 'en'])
  lang?: 'it' | 'en';

  @ApiPropertyOptional({ example: '2026-11', pattern: MONTH.source, description: 'The snapshot month; the latest snapshot when absent' })
  @IsOptional() @Matches(MONTH, { message: 'must be a month as YYYY-MM' })
  month?: string;
}

export class InsightsListQueryDto extends InsightsFormatQueryDto {
  @ApiPropertyOptional({ type: Number, example: 20, minimum: 1, maximum: 500, default: 50, description: 'Most items per list (skills, occupations, transitions)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 50;
}

export class RegionCodeParamDto {
  @ApiProperty({ example: 'ITC1', pattern: REGION.source, description: 'NUTS-2 code of an Italian region (ITC1 Piemonte, ITC4 Lombardia)' })
  @Matches(REGION, { message: 'must be a NUTS-2 region code such as ITC1' })
  code: string;
}

export class ProvinceCodeParamDto {
  @ApiProperty({ example: 'TO', pattern: PROVINCE.source, description: 'Province abbreviation (TO Torino, MI Milano)' })
  @Matches(PROVINCE, { message: 'must be a province abbreviation such as TO' })
  code: string;
}

export class SkillIdParamDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', format: 'uuid', description: 'ESCO skill id' })
  @IsUUID('all', { message: 'must be a UUID' })
  skillId: string;
}

export class SkillInsightsQueryDto extends InsightsFormatQueryDto {
  @ApiPropertyOptional({ example: 'ITC1', pattern: REGION.source, description: 'That region and its provinces; every region when absent' })
  @IsOptional() @Matches(REGION, { message: 'must be a NUTS-2 region code such as ITC1' })
  region?: string;
}

export class TrainingDemandQueryDto extends InsightsListQueryDto {
  @ApiPropertyOptional({ example: 'ITC1', pattern: REGION.source, description: 'A region (give this, a province, or both)' })
  @IsOptional() @Matches(REGION, { message: 'must be a NUTS-2 region code such as ITC1' })
  region?: string;

  @ApiPropertyOptional({ example: 'TO', pattern: PROVINCE.source, description: 'A province; with region, it must lie in it' })
  @IsOptional() @Matches(PROVINCE, { message: 'must be a province abbreviation such as TO' })
  province?: string;
}
