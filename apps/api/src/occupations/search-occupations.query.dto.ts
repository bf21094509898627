import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { LangQueryDto } from '../http/lang-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Occupation autocomplete over the labels of both languages (and ESCO codes). */
export class SearchOccupationsQueryDto extends LangQueryDto {
  @ApiProperty({ example: 'saldatore', minLength: 1, maxLength: 100, description: 'What the user typed: a prefix, typos allowed, Italian or English, or an ESCO code' })
  @Transform(trim) @IsString() @Length(1, 100)
  q: string;

  @ApiPropertyOptional({ type: Number, example: 10, minimum: 1, maximum: 50, default: 10 })
  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  limit: number = 10;
}
