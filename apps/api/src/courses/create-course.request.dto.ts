import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { COURSE_MODES, COURSE_STATUSES, CourseMode, CourseStatus, FUNDING_SOURCES, FundingSource } from '@ricarica/courses';
import { LocationInputDto } from '@ricarica/places';
import { CourseSessionRequestDto } from './course-session.request.dto';
import { CourseSkillRequestDto } from './course-skill.request.dto';

/** May be left out but not sent as null (the column has a default, not a null). */
const NotNullIfGiven = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class CreateCourseRequestDto {
  @ApiProperty({ example: '9c4e2b7a-1f3d-4a6e-8b5c-0d2f7e9a1c36', description: 'The training provider; 404 PROVIDER.NOT_FOUND when unknown' })
  @IsUUID('all', { message: 'must be a UUID' })
  providerId: string;

  @ApiProperty({ example: 'Manutenzione di batterie per veicoli elettrici', maxLength: 200 })
  @IsString() @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: 'Sicurezza in alta tensione, diagnosi e riparazione dei moduli.', maxLength: 20000, default: '' })
  @NotNullIfGiven() @IsString() @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ example: 'it', default: 'it', description: 'ISO 639-1 code of the teaching language' })
  @NotNullIfGiven() @Matches(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 code such as it' })
  language?: string;

  @ApiProperty({ enum: COURSE_MODES, example: 'blended' })
  @IsIn(COURSE_MODES)
  mode: CourseMode;

  @ApiPropertyOptional({
    type: LocationInputDto,
    nullable: true,
    example: { municipality: 'Torino' },
    description: 'Required unless mode is online (then still accepted); null clears it',
  })
  @IsOptional() @ValidateNested() @Type(() => LocationInputDto)
  location?: LocationInputDto | null;

  @ApiProperty({ type: [CourseSkillRequestDto], description: 'At least one; each skill once; replaced as a whole on update' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CourseSkillRequestDto)
  skillsTaught: CourseSkillRequestDto[];

  @ApiPropertyOptional({ example: ['b07daddc-8625-4360-946e-ad2b0e56ebf6'], default: [], description: 'ESCO skill UUIDs a participant should already have' })
  @NotNullIfGiven() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'each must be an ESCO skill UUID' })
  prerequisites?: string[];

  @ApiProperty({ example: 120, minimum: 1, maximum: 5000 })
  @IsInt() @Min(1) @Max(5000)
  hours: number;

  @ApiPropertyOptional({ example: 1450.5, minimum: 0, maximum: 1000000, default: 0, description: 'Euros, at most 2 decimals' })
  @NotNullIfGiven() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000000)
  costEur?: number;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES, isArray: true, example: ['GOL', 'FSE+'], default: [], description: 'none cannot be combined with others' })
  @NotNullIfGiven() @IsArray() @ArrayMaxSize(FUNDING_SOURCES.length) @ArrayUnique() @IsIn(FUNDING_SOURCES, { each: true })
  funding?: FundingSource[];

  @ApiPropertyOptional({ example: 4, minimum: 1, maximum: 8, nullable: true, type: Number, description: 'European Qualifications Framework level; null clears it' })
  @IsOptional() @IsInt() @Min(1) @Max(8)
  eqfLevel?: number | null;

  @ApiPropertyOptional({ type: [CourseSessionRequestDto], default: [], description: 'Editions of the course; replaced as a whole on update' })
  @NotNullIfGiven() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CourseSessionRequestDto)
  sessions?: CourseSessionRequestDto[];

  @ApiPropertyOptional({ enum: COURSE_STATUSES, example: 'published', default: 'draft' })
  @NotNullIfGiven() @IsIn(COURSE_STATUSES)
  status?: CourseStatus;
}
