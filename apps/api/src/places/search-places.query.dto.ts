import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SearchPlacesQueryDto {
  @ApiProperty({ example: 'Moncalier', minLength: 1, maxLength: 100, description: 'Municipality name as typed: a prefix, typos allowed' })
  @Transform(trim) @IsString() @Length(1, 100)
  q: string;

  @ApiPropertyOptional({ type: Number, example: 10, minimum: 1, maximum: 50, default: 10 })
  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  limit: number = 10;
}
