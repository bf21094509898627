import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const TIG = 'a51adea8-bf02-488a-a0d8-b0961caca5b0';

export class SearchSkillDto {
  @ApiProperty({ example: TIG })
  skillId: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno', description: 'In the requested language; Italian falls back to English' })
  label: string;
}

export class HighlightDto {
  @ApiProperty({ example: 'Corso di <mark>saldatura</mark> TIG', description: 'The title, matched words between <mark> and </mark>' })
  title: string;

  @ApiProperty({ example: '…tecniche di <mark>saldatura</mark> su acciaio inox…', description: 'A crop of the description around the match' })
  description: string;

  @ApiProperty({ example: ['<mark>welding</mark>'], type: [String], description: 'Skill labels (either language, preferred or alternative) the query matched' })
  skills: string[];
}

export class PlaceHitDto {
  @ApiProperty({ example: 'Torino', nullable: true, type: String })
  municipality: string | null;

  @ApiProperty({ example: 'TO', nullable: true, type: String })
  province: string | null;

  @ApiProperty({ example: 'ITC1', nullable: true, type: String })
  region: string | null;

  @ApiProperty({ example: 45.0703 })
  lat: number;

  @ApiProperty({ example: 7.6869 })
  lng: number;
}

class NextSessionDto {
  @ApiProperty({ example: '2027-02-01T08:00:00.000Z' })
  startsAt: string;

  @ApiProperty({ example: 16, nullable: true, type: Number, description: 'Capacity' })
  seats: number | null;
}

class NamedRefDto {
  @ApiProperty({ example: '9c4e2b7a-1f3d-4a6e-8b5c-0d2f7e9a1c36' })
  id: string;

  @ApiProperty({ example: 'Enaip Piemonte' })
  name: string;
}

export class CourseHitDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  id: string;

  @ApiProperty({ example: 'Corso di saldatura TIG' })
  title: string;

  @ApiProperty({ example: 'Tecniche di saldatura su acciaio inox e alluminio.' })
  description: string;

  @ApiProperty({ type: NamedRefDto })
  provider: NamedRefDto;

  @ApiProperty({ example: 'it' })
  language: string;

  @ApiProperty({ example: 'in_person', enum: ['in_person', 'online', 'blended'] })
  mode: string;

  @ApiProperty({ example: 120 })
  hours: number;

  @ApiProperty({ example: 0 })
  costEur: number;

  @ApiProperty({ example: ['GOL'], type: [String] })
  funding: string[];

  @ApiProperty({ example: 4, nullable: true, type: Number })
  eqfLevel: number | null;

  @ApiProperty({ type: NextSessionDto, nullable: true })
  nextSession: NextSessionDto | null;

  @ApiProperty({ type: [SearchSkillDto], description: 'Skills taught, highest target level first' })
  skills: SearchSkillDto[];

  @ApiProperty({ type: PlaceHitDto, nullable: true, description: 'Null for online courses' })
  location: PlaceHitDto | null;

  @ApiPropertyOptional({ example: 4.2, description: 'From `near` (or the worker\'s home), when the course has a location' })
  distanceKm?: number;

  @ApiProperty({ type: HighlightDto })
  highlight: HighlightDto;

  @ApiProperty({ example: 3, description: 'Version of the course the indexed document was made from' })
  version: number;
}

class SearchPageDto {
  @ApiProperty({ example: { mode: { in_person: 12, online: 3 }, funding: { GOL: 7 } }, description: 'Facet → value → count over every match' })
  facets: Record<string, Record<string, number>>;

  @ApiProperty({ example: 15, description: 'Matches, exact up to 1,000' })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  limit: number;

  @ApiProperty({ example: 1 })
  totalPages: number;

  @ApiProperty({ example: 2, description: "Meilisearch's processing time for the query" })
  processingTimeMs: number;
}

export class CourseSearchResponseDto extends SearchPageDto {
  @ApiProperty({ type: [CourseHitDto] })
  hits: CourseHitDto[];
}

class OccupationRefDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  occupationId: string;

  @ApiProperty({ example: 'saldatore/saldatrice' })
  label: string;
}

class RequirementSkillDto extends SearchSkillDto {
  @ApiProperty({ example: 'essential', enum: ['essential', 'optional'] })
  importance: string;

  @ApiProperty({ example: 2 })
  minLevel: number;
}

export class VacancyHitDto {
  @ApiProperty({ example: '5b1e0c2d-7a4f-4e8b-9c3d-2f6a1b0e7d48' })
  id: string;

  @ApiProperty({ example: 'Saldatore TIG' })
  title: string;

  @ApiProperty({ example: 'Saldatura di telai in acciaio.' })
  description: string;

  @ApiProperty({ type: NamedRefDto })
  employer: NamedRefDto;

  @ApiProperty({ type: OccupationRefDto, nullable: true })
  occupation: OccupationRefDto | null;

  @ApiProperty({ example: 'permanent', enum: ['permanent', 'fixed_term', 'apprenticeship', 'temporary'] })
  contractType: string;

  @ApiProperty({ example: 28000, nullable: true, type: Number })
  salaryMinEur: number | null;

  @ApiProperty({ example: 34000, nullable: true, type: Number })
  salaryMaxEur: number | null;

  @ApiProperty({ example: false })
  remote: boolean;

  @ApiProperty({ example: 2 })
  openings: number;

  @ApiProperty({ type: [RequirementSkillDto] })
  skills: RequirementSkillDto[];

  @ApiProperty({ type: PlaceHitDto, nullable: true })
  location: PlaceHitDto | null;

  @ApiProperty({ example: '2027-03-31T22:00:00.000Z', nullable: true, type: String })
  expiresAt: string | null;

  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' })
  publishedAt: string;

  @ApiPropertyOptional({ example: 12.5 })
  distanceKm?: number;

  @ApiProperty({ type: HighlightDto })
  highlight: HighlightDto;

  @ApiProperty({ example: 1 })
  version: number;
}

export class VacancySearchResponseDto extends SearchPageDto {
  @ApiProperty({ type: [VacancyHitDto] })
  hits: VacancyHitDto[];
}

class GapSkillDto extends SearchSkillDto {
  @ApiProperty({ example: 4, description: 'Essential requirements count 2, optional 1, summed over the vacancies considered' })
  weight: number;

  @ApiProperty({ example: 2, description: 'Vacancies asking for it above the worker\'s level' })
  vacancies: number;
}

export class RecommendedCourseHitDto extends CourseHitDto {
  @ApiProperty({ type: [SearchSkillDto], description: "The worker's gap skills this course teaches" })
  closes: SearchSkillDto[];
}

class AreaDto {
  @ApiProperty({ example: 45.0703 })
  lat: number;

  @ApiProperty({ example: 7.6869 })
  lng: number;

  @ApiProperty({ example: 30 })
  radiusKm: number;
}

export class RecommendedCoursesResponseDto extends SearchPageDto {
  @ApiProperty({ type: [RecommendedCourseHitDto], description: 'Relevance: most of the gap closed first' })
  hits: RecommendedCourseHitDto[];

  @ApiProperty({ example: 'top-matches', enum: ['top-matches', 'nearby-vacancies', 'none'], description: 'Where the gap comes from' })
  basis: string;

  @ApiProperty({ type: [GapSkillDto], description: 'The gap, heaviest first' })
  gap: GapSkillDto[];

  @ApiProperty({ type: AreaDto, nullable: true, description: "Home and mobility radius (courses there or online); null: the worker has no home, online courses only" })
  area: AreaDto | null;
}
