import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy,
  ValidationArguments,
} from 'class-validator';
import { COURSE_SORTS, CourseSort, LatLng, VACANCY_SORTS, VacancySort } from '@ricarica/catalog-search';
import { COURSE_MODES, FUNDING_SOURCES } from '@ricarica/courses';
import { CONTRACT_TYPES } from '@ricarica/vacancies';
import { LangQueryDto } from '../http/lang-query.dto';

/** Meilisearch counts exact totals up to this many matches; pages beyond it would be empty. */
export const MAX_REACHABLE = 1000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** `a,b` or a repeated parameter (`?mode=a&mode=b`) → ['a', 'b']. */
const list = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
const upperList = (args: { value: unknown }) => list(args)?.map((v) => v.toUpperCase());
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** "45.07,7.68" → { lat, lng }, or undefined when malformed or out of range (the validator says which). */
export function parseLatLng(value: string | undefined): LatLng | undefined {
  const m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(value ?? '');
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : undefined;
}

const IsLatLng = () =>
  ValidateBy({
    name: 'isLatLng',
    validator: { validate: (v: unknown) => typeof v === 'string' && parseLatLng(v) !== undefined, defaultMessage: () => 'must be lat,lng in decimal degrees, e.g. 45.0703,7.6869' },
  });

/** Refuses the value when `near` is missing (for radiusKm) or when it is `distance` without `near` (for sort). */
const NeedsNear = (when: (value: unknown) => boolean, message: string) =>
  ValidateBy({
    name: 'needsNear',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => !when(value) || (args?.object as { near?: string }).near !== undefined,
      defaultMessage: () => message,
    },
  });

const PageWithinReach = () =>
  ValidateBy({
    name: 'pageWithinReach',
    validator: {
      validate: (page: unknown, args?: ValidationArguments) => typeof page !== 'number' || (page - 1) * ((args?.object as { limit?: number }).limit ?? 20) < MAX_REACHABLE,
      defaultMessage: () => `must keep (page - 1) × limit under ${MAX_REACHABLE}; narrow the search instead`,
    },
  });

const After = (other: string) =>
  ValidateBy({
    name: 'after',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown>)[other];
        return typeof value !== 'string' || typeof start !== 'string' || new Date(value).getTime() >= new Date(start).getTime();
      },
      defaultMessage: () => `must not be before ${other}`,
    },
  });

/** What both searches share: the text, skills, place, geo and paging. */
class CommonSearchQueryDto extends LangQueryDto {
  @ApiPropertyOptional({ example: 'saldatura', maxLength: 200, description: 'What the user typed, Italian or English, typos allowed; empty: everything' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0', description: 'ESCO skill ids, comma-separated (any of them)' })
  @IsOptional() @Transform(list) @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'must be ESCO skill ids (UUIDs)' })
  skills?: string[];

  @ApiPropertyOptional({ example: 'ITC1', description: 'NUTS-2 regions, comma-separated' })
  @IsOptional() @Transform(upperList) @ArrayMaxSize(30) @Matches(/^[A-Z]{2}[A-Z0-9]{1,3}$/, { each: true, message: 'must be NUTS-2 codes such as ITC1' })
  region?: string[];

  @ApiPropertyOptional({ example: 'TO', description: 'Province abbreviations, comma-separated' })
  @IsOptional() @Transform(upperList) @ArrayMaxSize(30) @Matches(/^[A-Z]{2}$/, { each: true, message: 'must be two-letter province abbreviations such as TO' })
  province?: string[];

  @ApiPropertyOptional({ example: '45.0703,7.6869', description: 'A point, lat,lng: hits get distanceKm; with radiusKm, only hits within it' })
  @IsOptional() @IsLatLng()
  near?: string;

  @ApiPropertyOptional({ example: 30, minimum: 0.1, maximum: 500, description: 'Needs near' })
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.1) @Max(500) @NeedsNear((v) => v !== undefined, 'needs near=lat,lng')
  radiusKm?: number;

  @ApiPropertyOptional({ example: 1, minimum: 1, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @PageWithinReach()
  page = 1;

  @ApiPropertyOptional({ type: Number, example: 20, minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit: number = 20;
}

export class CourseSearchQueryDto extends CommonSearchQueryDto {
  @ApiPropertyOptional({ enum: COURSE_MODES, example: 'in_person,blended', description: 'Comma-separated' })
  @IsOptional() @Transform(list) @IsIn(COURSE_MODES, { each: true })
  mode?: string[];

  @ApiPropertyOptional({ enum: FUNDING_SOURCES, example: 'GOL', description: 'Comma-separated, any of them (send FSE+ as FSE%2B)' })
  @IsOptional() @Transform(list) @IsIn(FUNDING_SOURCES, { each: true })
  funding?: string[];

  @ApiPropertyOptional({ example: 'it', description: 'Teaching languages (ISO 639-1), comma-separated' })
  @IsOptional() @Transform(list) @Matches(/^[a-z]{2}$/, { each: true, message: 'must be two-letter language codes such as it' })
  language?: string[];

  @ApiPropertyOptional({ example: '3,4', description: 'EQF levels 1-8, comma-separated' })
  @IsOptional() @Transform(({ value }) => list({ value })?.map((v) => (/^\d+$/.test(v) ? Number(v) : v))) @IsInt({ each: true }) @Min(1, { each: true }) @Max(8, { each: true })
  eqfLevel?: number[];

  @ApiPropertyOptional({ example: 200, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  maxHours?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0, description: '0: free courses only' })
  @IsOptional() @Type(() => Number) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0)
  maxCostEur?: number;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'A session starting on or after this date (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true })
  startsAfter?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'A session starting on or before this date (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true }) @After('startsAfter')
  startsBefore?: string;

  @ApiPropertyOptional({ enum: COURSE_SORTS, default: 'relevance', description: 'startsAt: next session first; hours, costEur: ascending; distance: needs near' })
  @IsOptional() @IsIn(COURSE_SORTS) @NeedsNear((v) => v === 'distance', 'distance needs near=lat,lng')
  sort: CourseSort = 'relevance';
}

export class VacancySearchQueryDto extends CommonSearchQueryDto {
  @ApiPropertyOptional({ enum: CONTRACT_TYPES, example: 'permanent', description: 'Comma-separated' })
  @IsOptional() @Transform(list) @IsIn(CONTRACT_TYPES, { each: true })
  contractType?: string[];

  @ApiPropertyOptional({ example: true, description: 'true: remote only; false: on site only' })
  @IsOptional() @Transform(bool) @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional({ example: 30000, minimum: 0, description: 'Yearly gross pay wanted at least (EUR): vacancies whose range reaches it' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  salaryMin?: number;

  @ApiPropertyOptional({ enum: VACANCY_SORTS, default: 'relevance', description: 'salary: highest first; expiresAt: closing soonest; newest; distance: needs near' })
  @IsOptional() @IsIn(VACANCY_SORTS) @NeedsNear((v) => v === 'distance', 'distance needs near=lat,lng')
  sort: VacancySort = 'relevance';
}

/** The course search without a point: the worker's home and mobility radius are the area. */
export class RecommendedCoursesQueryDto extends OmitType(CourseSearchQueryDto, ['near', 'radiusKm', 'sort'] as const) {
  @ApiPropertyOptional({ enum: ['relevance', 'startsAt', 'hours', 'costEur', 'distance'], default: 'relevance', description: 'relevance: the share of the gap closed first; distance: from home' })
  @IsOptional() @IsIn(COURSE_SORTS)
  sort: CourseSort = 'relevance';
}
