import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';
import { MatchEmployerDto } from './match.response.dto';

export class SkillRefDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0' })
  skillId: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno' })
  label: string;
}

export class NextSessionDto {
  @ApiProperty({ example: '2027-01-12T08:00:00.000Z' })
  startsAt: Date;

  @ApiProperty({ example: 12 })
  seats: number;
}

export class PathwayCourseSummaryDto {
  @ApiProperty({ example: 'c0a80164-7b1e-4c2d-9f3a-2b1c0d9e8f7a' })
  id: string;

  @ApiProperty({ example: 'Saldatura TIG su acciaio inox' })
  title: string;

  @ApiProperty({ type: MatchEmployerDto, description: 'The training body' })
  provider: MatchEmployerDto;

  @ApiProperty({ enum: ['in_person', 'online', 'blended'], example: 'in_person' })
  mode: 'in_person' | 'online' | 'blended';

  @ApiProperty({ example: 80 })
  hours: number;

  @ApiProperty({ example: 0 })
  costEur: number;

  @ApiProperty({ type: PlaceDto, nullable: true })
  location: PlaceDto | null;

  @ApiProperty({ type: NextSessionDto, nullable: true, description: 'Null for self-paced online courses' })
  nextSession: NextSessionDto | null;
}

export class PathwayCourseDto extends PathwayCourseSummaryDto {
  @ApiProperty({ type: [SkillRefDto], description: 'Requirements of the vacancy this course closes' })
  covers: SkillRefDto[];
}

export class UncoveredRequirementDto extends SkillRefDto {
  @ApiProperty({ enum: ['essential', 'optional'], example: 'optional' })
  importance: 'essential' | 'optional';

  @ApiProperty({ example: 2 })
  minLevel: number;

  @ApiProperty({ example: 0 })
  credit: number;
}

export class PathwayResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  workerId: string;

  @ApiProperty({ example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  vacancyId: string;

  @ApiProperty({ type: [PathwayCourseDto], description: 'In the order to take them: prerequisites first' })
  courses: PathwayCourseDto[];

  @ApiProperty({ example: 180 })
  totalHours: number;

  @ApiProperty({ example: 450 })
  totalCostEur: number;

  @ApiProperty({ example: 0.5833 })
  scoreBefore: number;

  @ApiProperty({ example: 0.9167, description: 'The same scoring, as if the worker held each taught skill at the course target level' })
  scoreAfter: number;

  @ApiProperty({ type: [UncoveredRequirementDto] })
  uncovered: UncoveredRequirementDto[];
}

export class ImprovedVacancyDto {
  @ApiProperty({ example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  vacancyId: string;

  @ApiProperty({ example: 'Tecnico batterie' })
  title: string;

  @ApiProperty({ example: 0.55 })
  scoreBefore: number;

  @ApiProperty({ example: 0.91 })
  scoreAfter: number;
}

export class PathwaySummaryDto {
  @ApiProperty({ type: [PathwayCourseSummaryDto] })
  courses: PathwayCourseSummaryDto[];

  @ApiProperty({ example: 180 })
  totalHours: number;

  @ApiProperty({ example: 0 })
  totalCostEur: number;

  @ApiProperty({ example: 0.0021, description: 'Mean score gain over the improved vacancies, per training hour' })
  gainPerHour: number;

  @ApiProperty({ type: [ImprovedVacancyDto] })
  vacancies: ImprovedVacancyDto[];

  @ApiProperty({ example: 0.91 })
  minScoreAfter: number;

  @ApiProperty({ example: 'Questi 2 corsi, 180 ore, ti portano almeno a 0,91 di compatibilità per 14 offerte.' })
  summary: string;
}

export class PathwaysResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  workerId: string;

  @ApiProperty({ type: [PathwaySummaryDto] })
  items: PathwaySummaryDto[];
}
