import { ApiProperty } from '@nestjs/swagger';
import { COURSE_MODES, COURSE_STATUSES, CourseMode, CourseStatus, FUNDING_SOURCES, FundingSource } from '@ricarica/courses';
import { PlaceDto } from '@ricarica/places';

export class CourseSkillResponseDto {
  @ApiProperty({ example: '7c8a86b2-b0ae-4969-901a-5949d9974755' })
  skillId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/7c8a86b2-b0ae-4969-901a-5949d9974755' })
  uri: string;

  @ApiProperty({ example: 'utilizzare apparecchiature per il collaudo delle batterie' })
  label: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 4 })
  targetLevel: number;
}

export class CoursePrerequisiteResponseDto {
  @ApiProperty({ example: 'b07daddc-8625-4360-946e-ad2b0e56ebf6' })
  skillId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/b07daddc-8625-4360-946e-ad2b0e56ebf6' })
  uri: string;

  @ApiProperty({ example: 'leggere disegni tecnici' })
  label: string;
}

export class CourseSessionResponseDto {
  @ApiProperty({ example: '1e7b3c9a-5f2d-4b8e-a0c6-9d4f2a7e1b53' })
  id: string;

  @ApiProperty({ example: '2027-02-01T08:00:00.000Z' })
  startsAt: Date;

  @ApiProperty({ example: '2027-04-30T16:00:00.000Z' })
  endsAt: Date;

  @ApiProperty({ example: 16, description: 'Capacity' })
  seats: number;

  @ApiProperty({ example: 11, description: 'Seats not held by an enrolment request' })
  seatsLeft: number;
}

export class ProviderRefResponseDto {
  @ApiProperty({ example: '9c4e2b7a-1f3d-4a6e-8b5c-0d2f7e9a1c36' })
  id: string;

  @ApiProperty({ example: 'CNOS-FAP Piemonte' })
  name: string;
}

export class CourseResponseDto {
  @ApiProperty({ example: '4d8f1a2b-6c3e-4f9a-b7d1-2e5c8a0f3b69' })
  id: string;

  @ApiProperty({ type: ProviderRefResponseDto })
  provider: ProviderRefResponseDto;

  @ApiProperty({ example: 'Manutenzione di batterie per veicoli elettrici' })
  title: string;

  @ApiProperty({ example: 'Sicurezza in alta tensione, diagnosi e riparazione dei moduli.' })
  description: string;

  @ApiProperty({ example: 'it' })
  language: string;

  @ApiProperty({ enum: COURSE_MODES, example: 'blended' })
  mode: CourseMode;

  @ApiProperty({ type: PlaceDto, nullable: true })
  location: PlaceDto | null;

  @ApiProperty({ type: [CourseSkillResponseDto], description: 'Highest target level first' })
  skillsTaught: CourseSkillResponseDto[];

  @ApiProperty({ type: [CoursePrerequisiteResponseDto] })
  prerequisites: CoursePrerequisiteResponseDto[];

  @ApiProperty({ example: 120 })
  hours: number;

  @ApiProperty({ example: 1450.5 })
  costEur: number;

  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true, example: ['GOL', 'FSE+'] })
  funding: FundingSource[];

  @ApiProperty({ example: 4, nullable: true, type: Number })
  eqfLevel: number | null;

  @ApiProperty({ type: [CourseSessionResponseDto], description: 'By start' })
  sessions: CourseSessionResponseDto[];

  @ApiProperty({ example: '2027-02-01T08:00:00.000Z', nullable: true, type: String, format: 'date-time', description: 'Start of the earliest session still to come' })
  nextSessionStartsAt: Date | null;

  @ApiProperty({ enum: COURSE_STATUSES, example: 'published' })
  status: CourseStatus;

  @ApiProperty({ example: 2, description: 'Increases with every change' })
  version: number;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class CoursePageResponseDto {
  @ApiProperty({ type: [CourseResponseDto] })
  items: CourseResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
