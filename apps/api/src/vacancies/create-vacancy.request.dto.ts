import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';
import { LocationInputDto } from '@ricarica/places';
import { CONTRACT_TYPES, ContractType, VACANCY_STATUSES, VacancyStatus } from '@ricarica/vacancies';
import { VacancyRequirementRequestDto } from './vacancy-requirement.request.dto';

/** May be left out but not sent as null (the column has a default, not a null). */
const NotNullIfGiven = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/** A date-time with its offset: a bare date or a local time would be read in the server's zone. */
const DATE_TIME_WITH_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export class CreateVacancyRequestDto {
  @ApiProperty({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40', description: 'The employer; 404 EMPLOYER.NOT_FOUND when unknown' })
  @IsUUID('all', { message: 'must be a UUID' })
  employerId: string;

  @ApiProperty({ example: 'Saldatore TIG per telai in alluminio', maxLength: 200 })
  @IsString() @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: 'Turno giornaliero, reparto carrozzeria.', maxLength: 20000, default: '' })
  @NotNullIfGiven() @IsString() @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b', nullable: true, type: String, description: 'ESCO occupation UUID; null clears it' })
  @IsOptional() @IsUUID('all', { message: 'must be an ESCO occupation UUID' })
  occupationId?: string | null;

  @ApiPropertyOptional({
    type: LocationInputDto,
    nullable: true,
    example: { municipality: 'Cassino', province: 'FR' },
    description: 'Required unless remote is true (then still accepted); null clears it',
  })
  @IsOptional() @ValidateNested() @Type(() => LocationInputDto)
  location?: LocationInputDto | null;

  @ApiPropertyOptional({ example: false, default: false })
  @NotNullIfGiven() @IsBoolean()
  remote?: boolean;

  @ApiProperty({ type: [VacancyRequirementRequestDto], description: 'At least one; each skill once; replaced as a whole on update' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => VacancyRequirementRequestDto)
  requirements: VacancyRequirementRequestDto[];

  @ApiProperty({ enum: CONTRACT_TYPES, example: 'permanent' })
  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @ApiPropertyOptional({ example: 28000, minimum: 0, maximum: 1000000, nullable: true, type: Number, description: 'Gross yearly pay in euros (RAL)' })
  @IsOptional() @IsInt() @Min(0) @Max(1000000)
  salaryMinEur?: number | null;

  @ApiPropertyOptional({ example: 34000, minimum: 0, maximum: 1000000, nullable: true, type: Number, description: 'Not below salaryMinEur' })
  @IsOptional() @IsInt() @Min(0) @Max(1000000)
  salaryMaxEur?: number | null;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 10000, default: 1 })
  @NotNullIfGiven() @IsInt() @Min(1) @Max(10000)
  openings?: number;

  @ApiPropertyOptional({ enum: VACANCY_STATUSES, example: 'open', default: 'draft' })
  @NotNullIfGiven() @IsIn(VACANCY_STATUSES)
  status?: VacancyStatus;

  @ApiPropertyOptional({
    example: '2027-03-31T23:59:59+01:00',
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'ISO 8601 date-time with offset; must be in the future when the request opens the vacancy or sets it while open',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time such as 2027-03-31T23:59:59+01:00' })
  @Matches(DATE_TIME_WITH_ZONE, { message: 'must include a time and an offset (Z or +01:00)' })
  expiresAt?: string | null;
}
