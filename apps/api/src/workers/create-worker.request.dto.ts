import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min,
  ValidateNested,
} from 'class-validator';
import { LocationInputDto } from '@ricarica/places';
import { EMPLOYMENT_STATUSES, EmploymentStatus } from '@ricarica/workers';
import { WorkerSkillRequestDto } from './worker-skill.request.dto';

export class PreviousOccupationRequestDto {
  @ApiProperty({ example: 'f2b15a0e-e65a-438a-affb-29b9d50b77d1', description: 'ESCO occupation UUID' })
  @IsUUID('all', { message: 'must be an ESCO occupation UUID' })
  occupationId: string;

  @ApiProperty({ example: 12, minimum: 0, maximum: 60 })
  @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(60)
  years: number;
}

export class CreateWorkerRequestDto {
  @ApiProperty({ example: 'Giulia Ferrero', maxLength: 200 })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'giulia.ferrero@example.it' })
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(320)
  email: string;

  @ApiProperty({ type: LocationInputDto, example: { municipality: 'Moncalieri' } })
  @ValidateNested() @Type(() => LocationInputDto)
  home: LocationInputDto;

  @ApiPropertyOptional({ example: 40, minimum: 0, maximum: 500, default: 30 })
  @IsOptional() @IsInt() @Min(0) @Max(500)
  mobilityRadiusKm?: number;

  @ApiPropertyOptional({ example: ['it', 'en'], description: 'ISO 639-1 codes' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(/^[a-z]{2}$/, { each: true, message: 'each must be an ISO 639-1 code such as it' })
  languages?: string[];

  @ApiProperty({ enum: EMPLOYMENT_STATUSES, example: 'displaced' })
  @IsIn(EMPLOYMENT_STATUSES)
  employmentStatus: EmploymentStatus;

  @ApiPropertyOptional({ type: [PreviousOccupationRequestDto], description: 'Their ESCO essential skills are inferred at level 2' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => PreviousOccupationRequestDto)
  previousOccupations?: PreviousOccupationRequestDto[];

  @ApiPropertyOptional({ type: [WorkerSkillRequestDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => WorkerSkillRequestDto)
  skills?: WorkerSkillRequestDto[];

  @ApiPropertyOptional({ example: false, default: false, description: 'Consent to appear, anonymised, in employers\' candidate lists' })
  @IsOptional() @IsBoolean()
  visibleToEmployers?: boolean;
}
