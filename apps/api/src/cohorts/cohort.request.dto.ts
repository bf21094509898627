import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { COHORT_REASONS, CohortReason, MAX_MEMBERS_PER_UPLOAD, MEMBER_STATUSES, MemberStatus } from '@ricarica/cohorts';

export class PlantRequestDto {
  @ApiProperty({ example: 'Rivalta di Torino', description: 'ISTAT code or exact name of the plant municipality' })
  @IsString() @Length(1, 120)
  municipality: string;

  @ApiPropertyOptional({ example: 'TO' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be a two-letter province abbreviation such as TO' })
  province?: string;

  @ApiPropertyOptional({ example: 'Stabilimento componenti di Rivalta', maxLength: 120 })
  @IsOptional() @IsString() @MaxLength(120)
  name?: string;
}

export class CreateCohortRequestDto {
  @ApiProperty({ example: 'Rivalta 2026 – chiusura linea cablaggi', maxLength: 200 })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ format: 'uuid', example: '4f0c6a7e-2a51-4c59-9b8e-0c1d2e3f4a5b', description: "Employers: their own employer; admins: any" })
  @IsUUID()
  employerId: string;

  @ApiProperty({ type: PlantRequestDto })
  @ValidateNested() @Type(() => PlantRequestDto)
  plant: PlantRequestDto;

  @ApiProperty({ enum: COHORT_REASONS, example: 'closure' })
  @IsIn(COHORT_REASONS, { message: `must be one of ${COHORT_REASONS.join(', ')}` })
  reason: CohortReason;

  @ApiProperty({ example: '2026-10-15', description: 'Date the closure, redundancies or short-time work were announced' })
  @IsISO8601({ strict: true }, { message: 'must be a date (YYYY-MM-DD)' }) @Length(10, 10, { message: 'must be a date (YYYY-MM-DD)' })
  announcedOn: string;

  @ApiPropertyOptional({ enum: ['it', 'en'], default: 'it', description: 'Language the job titles are written in' })
  @IsOptional() @IsIn(['it', 'en'])
  titleLang?: 'it' | 'en';
}

/** One member in a JSON upload; validated row by row by the service (bad rows are reported, not refused). */
export class MemberRequestDto {
  @ApiPropertyOptional({ example: 'RIV-00421' }) @IsOptional() @IsString() @MaxLength(200) employeeRef?: string;
  @ApiPropertyOptional({ example: 'Orbassano' }) @IsOptional() @IsString() @MaxLength(200) municipality?: string;
  @ApiPropertyOptional({ example: 'TO' }) @IsOptional() @IsString() @MaxLength(10) province?: string;
  @ApiPropertyOptional({ example: 'operaio addetto alla saldatura robotizzata' }) @IsOptional() @IsString() @MaxLength(500) jobTitle?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @MaxLength(100) occupationId?: string;
  @ApiPropertyOptional({ example: 12 }) @IsOptional() years?: number | string;
  @ApiPropertyOptional({ type: [String], description: 'ESCO skill ids' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) skills?: string[];
  @ApiPropertyOptional({ example: 'm.rossi@example.it' }) @IsOptional() @IsString() @MaxLength(400) email?: string;
}

export class UploadMembersRequestDto {
  @ApiProperty({ type: [MemberRequestDto], maxItems: MAX_MEMBERS_PER_UPLOAD })
  @IsArray() @ArrayMaxSize(MAX_MEMBERS_PER_UPLOAD) @ValidateNested({ each: true }) @Type(() => MemberRequestDto)
  members: MemberRequestDto[];
}

export class ConfirmOccupationRequestDto {
  @ApiProperty({ format: 'uuid', example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b', description: 'The ESCO occupation a person chose' })
  @IsUUID('all', { message: 'must be an ESCO occupation id (uuid)' })
  occupationId: string;
}

export class InviteMemberRequestDto {
  @ApiProperty({ example: 'm.rossi@example.it' })
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(320)
  email: string;
}

export class MemberParamsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() memberId: string;
}

export class ListMembersQueryDto {
  @ApiPropertyOptional({ enum: MEMBER_STATUSES, example: 'to_confirm' })
  @IsOptional() @IsIn(MEMBER_STATUSES) status?: MemberStatus;

  @ApiPropertyOptional({ type: Number, example: 50, minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit: number = 100;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(64) cursor?: string;

  @ApiPropertyOptional({ enum: ['it', 'en'] }) @IsOptional() @IsIn(['it', 'en']) lang?: 'it' | 'en';
}

export class ReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv', 'html']) format: 'json' | 'csv' | 'html' = 'json';

  @ApiPropertyOptional({ enum: ['destinations', 'training', 'hardest'], default: 'destinations', description: 'CSV only: which table' })
  @IsOptional() @IsIn(['destinations', 'training', 'hardest']) section: 'destinations' | 'training' | 'hardest' = 'destinations';
}

export class SkillConfirmationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() skillId: string;
  @ApiProperty({ minimum: 1, maximum: 4, example: 2 }) @IsInt() @Min(1) @Max(4) level: number;
}

export class ClaimTokenRequestDto {
  @ApiProperty({ example: 'q3C0vZ…', description: 'The token of the claim link in the invitation mail' })
  @IsString() @Length(20, 200)
  token: string;
}

export class ClaimRequestDto extends ClaimTokenRequestDto {
  @ApiProperty({ example: true, description: 'Consent to appear, anonymised, in employers’ candidate lists' })
  @IsBoolean()
  visibleToEmployers: boolean;

  @ApiPropertyOptional({ type: [SkillConfirmationDto], description: 'The skills you confirm (replacing the inferred ones); leave out to keep them' })
  @IsOptional() @IsArray() @ArrayMaxSize(300) @ValidateNested({ each: true }) @Type(() => SkillConfirmationDto)
  skills?: SkillConfirmationDto[];
}
