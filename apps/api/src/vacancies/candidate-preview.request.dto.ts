import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { LocationInputDto } from '@ricarica/places';
import { VacancyRequirementRequestDto } from './vacancy-requirement.request.dto';

/** The parts of a vacancy that decide who fits it, validated as in a vacancy's create. */
export class CandidatePreviewRequestDto {
  @ApiPropertyOptional({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40', description: "The employer asking; an employer may name only its own (403 otherwise), 404 when unknown" })
  @IsOptional() @IsUUID('all', { message: 'must be a UUID' })
  employerId?: string;

  @ApiProperty({ type: [VacancyRequirementRequestDto], description: 'At least one; each skill once' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => VacancyRequirementRequestDto)
  requirements: VacancyRequirementRequestDto[];

  @ApiPropertyOptional({ type: LocationInputDto, nullable: true, example: { municipality: 'Cassino', province: 'FR' }, description: 'Required unless remote is true (then ignored)' })
  @IsOptional() @ValidateNested() @Type(() => LocationInputDto)
  location?: LocationInputDto | null;

  @ApiPropertyOptional({ example: false, default: false, description: 'Remote: every consenting worker is in reach' })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsBoolean()
  remote?: boolean;
}
