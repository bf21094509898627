import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A count that may be withheld: null with `suppressed` when it counts 1 to 4 members (non-admin views). */
export class CohortReportCellResponseDto {
  @ApiProperty({ type: Number, nullable: true, example: 37, description: 'null when suppressed' })
  value: number | null;

  @ApiProperty({ example: false, description: 'true: withheld from non-admins (fewer than 5 members, or it would give such a count back)' })
  suppressed: boolean;
}

export class CohortReportThresholdsResponseDto {
  @ApiProperty({ example: 0.7, description: 'Smallest match score counted as fit' })
  fitScore: number;

  @ApiProperty({ example: 300, description: 'Longest training pathway counted (hours)' })
  maxPathwayHours: number;

  @ApiProperty({ example: 90, description: 'Seats counted in sessions starting within this many days' })
  seatsWindowDays: number;

  @ApiProperty({ example: 5, description: 'Smallest count shown to non-admins' })
  minCell: number;
}

export class CohortReportMembersResponseDto {
  @ApiProperty({ example: 5000, description: 'Members uploaded' })
  total: number;

  @ApiProperty({ example: 4620, description: 'Members with a pre-profile (the ones the report is about)' })
  profiled: number;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'Members with a vacancy scored at least fitScore today' })
  fitToday: CohortReportCellResponseDto;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'Members not fit today who get there with a pathway of at most maxPathwayHours' })
  withPathway: CohortReportCellResponseDto;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'Members with neither' })
  hardest: CohortReportCellResponseDto;
}

export class CohortReportEmployerResponseDto {
  @ApiProperty({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40' })
  id: string;

  @ApiProperty({ example: 'Brembo Componenti S.r.l.' })
  name: string;
}

export class CohortReportVacancyResponseDto {
  @ApiProperty({ example: 'c3a9e1f0-7b2d-4e8a-9f61-5d0b3c2a8e17' })
  id: string;

  @ApiProperty({ example: 'Saldatore TIG per telai in alluminio' })
  title: string;

  @ApiProperty({ type: CohortReportEmployerResponseDto })
  employer: CohortReportEmployerResponseDto;

  @ApiProperty({ example: 3 })
  openings: number;
}

export class CohortDestinationResponseDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b', nullable: true, type: String, description: 'null for vacancies without an occupation (grouped by title)' })
  occupationId: string | null;

  @ApiProperty({ example: 'saldatore/saldatrice', description: "The occupation's label, or the vacancy title" })
  occupation: string;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'Members with a vacancy of this occupation scored at least fitScore today' })
  fitToday: CohortReportCellResponseDto;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'Members not fit today who reach fitScore for one of its vacancies with a pathway of at most maxPathwayHours' })
  withPathway: CohortReportCellResponseDto;

  @ApiProperty({ type: [CohortReportVacancyResponseDto], description: "The destination's open vacancies found in members' match lists, by title" })
  vacancies: CohortReportVacancyResponseDto[];
}

export class CohortTrainingResponseDto {
  @ApiProperty({ example: 'e4b7c1d9-2f3a-4b6e-8c0d-1a5f9e7b3c26' })
  courseId: string;

  @ApiProperty({ example: 'Saldatura TIG e MIG: corso base' })
  title: string;

  @ApiProperty({ example: 'Centro di Formazione Professionale Torino Sud' })
  provider: string;

  @ApiProperty({ example: 120 })
  hours: number;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'Members whose best pathway includes the course' })
  membersNeeding: CohortReportCellResponseDto;

  @ApiProperty({ example: 24, description: 'Seats in sessions starting within seatsWindowDays' })
  seats90d: number;

  @ApiProperty({ type: CohortReportCellResponseDto, description: 'membersNeeding − seats90d (negative: spare seats)' })
  shortfall: CohortReportCellResponseDto;
}

export class CohortHardestResponseDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b', nullable: true, type: String })
  occupationId: string | null;

  @ApiProperty({ example: 'carrellista', description: "The members' occupation (— when none)" })
  occupation: string;

  @ApiProperty({ example: 'Orbassano', description: 'Home municipality' })
  municipality: string;

  @ApiProperty({ example: 'TO', nullable: true, type: String })
  province: string | null;

  @ApiProperty({ type: CohortReportCellResponseDto })
  members: CohortReportCellResponseDto;

  @ApiPropertyOptional({ type: [String], example: ['RIV-00422', 'RIV-00508'], description: 'Admins only: their employee references' })
  employeeRefs?: string[];
}

export class CohortReportResponseDto {
  @ApiProperty({ example: '9c2e4b71-5a3d-4f8e-b1c6-7d0a2e9f3b58' })
  cohortId: string;

  @ApiProperty({ example: '2026-11-23T08:42:10.000Z', format: 'date-time' })
  computedAt: string;

  @ApiProperty({ enum: ['full', 'public'], example: 'public', description: 'full: admins; public: counts under minCell withheld, no employee references' })
  version: 'full' | 'public';

  @ApiProperty({ type: CohortReportThresholdsResponseDto })
  thresholds: CohortReportThresholdsResponseDto;

  @ApiProperty({ type: CohortReportMembersResponseDto })
  members: CohortReportMembersResponseDto;

  @ApiProperty({ type: [CohortDestinationResponseDto], description: 'Where members can go, most members first' })
  destinations: CohortDestinationResponseDto[];

  @ApiProperty({ type: [CohortTrainingResponseDto], description: 'The courses in members\' best pathways, largest shortfall first' })
  training: CohortTrainingResponseDto[];

  @ApiProperty({ type: [CohortHardestResponseDto], description: 'Members with no destination, grouped by occupation and home municipality, most members first' })
  hardestToPlace: CohortHardestResponseDto[];

  @ApiProperty({ example: false, description: 'true: the cohort changed since the report was computed; a new one follows' })
  stale: boolean;
}
