import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class MatchListQueryDto {
  @ApiPropertyOptional({ type: Number, example: 20, minimum: 1, maximum: 200, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 20;

  @ApiPropertyOptional({ enum: ['it', 'en'], example: 'it', description: 'Language of labels and explanations; defaults to Accept-Language, then it' })
  @IsOptional() @IsIn(['it', 'en'])
  lang?: 'it' | 'en';
}
