import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { LangQueryDto } from '../http/lang-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A job title as people write it, to be mapped to ESCO occupations. */
export class SuggestOccupationsQueryDto extends LangQueryDto {
  @ApiProperty({ example: 'operaio addetto alla saldatura robotizzata', minLength: 2, maxLength: 200, description: 'A job title, Italian or English, as written on a payslip or an HR export' })
  @Transform(trim) @IsString() @Length(2, 200)
  title: string;

  @ApiPropertyOptional({ type: Number, example: 3, minimum: 1, maximum: 10, default: 3 })
  @Type(() => Number) @IsInt() @Min(1) @Max(10)
  limit: number = 3;
}
