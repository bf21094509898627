import { ApiProperty } from '@nestjs/swagger';
import { COHORT_REASONS, CohortReason, MEMBER_STATUSES, MemberStatus } from '@ricarica/cohorts';

export class CohortEmployerResponseDto {
  @ApiProperty({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40' })
  id: string;

  @ApiProperty({ example: 'Componenti Auto Rivalta S.p.A.' })
  name: string;
}

export class CohortPlantResponseDto {
  @ApiProperty({ example: 'Stabilimento componenti di Rivalta', nullable: true, type: String })
  name: string | null;

  @ApiProperty({ example: 'Rivalta di Torino', nullable: true, type: String })
  municipality: string | null;

  @ApiProperty({ example: '001219', nullable: true, type: String, description: 'ISTAT municipality code' })
  municipalityCode: string | null;

  @ApiProperty({ example: 'TO', nullable: true, type: String })
  province: string | null;

  @ApiProperty({ example: 'ITC1', nullable: true, type: String, description: 'NUTS-2 region code' })
  region: string | null;
}

export class CohortCountsResponseDto {
  @ApiProperty({ example: 5000, description: 'Members uploaded' })
  members: number;

  @ApiProperty({ example: 0, description: 'Job titles not mapped yet' })
  pending: number;

  @ApiProperty({ example: 4620, description: 'Members with an occupation (given, suggested or confirmed)' })
  mapped: number;

  @ApiProperty({ example: 380, description: 'No confident occupation: a person must pick one' })
  toConfirm: number;

  @ApiProperty({ example: 4620, description: 'Pre-profiles made' })
  profiled: number;

  @ApiProperty({ example: 2033, description: 'Invitations sent' })
  invited: number;

  @ApiProperty({ example: 112, description: 'Pre-profiles claimed by their worker' })
  claimed: number;

  @ApiProperty({ example: 4620, description: 'Pre-profiles whose match lists are computed for their current version' })
  matched: number;
}

export class CohortReportStatusResponseDto {
  @ApiProperty({ example: '2026-11-23T08:42:10.000Z' })
  computedAt: Date;

  @ApiProperty({ example: false, description: 'true: the cohort changed since; a new report follows' })
  stale: boolean;
}

export class CohortResponseDto {
  @ApiProperty({ example: '9c2e4b71-5a3d-4f8e-b1c6-7d0a2e9f3b58' })
  id: string;

  @ApiProperty({ example: 'Rivalta 2026 – chiusura linea cablaggi' })
  name: string;

  @ApiProperty({ type: CohortEmployerResponseDto })
  employer: CohortEmployerResponseDto;

  @ApiProperty({ type: CohortPlantResponseDto })
  plant: CohortPlantResponseDto;

  @ApiProperty({ enum: COHORT_REASONS, example: 'closure' })
  reason: CohortReason;

  @ApiProperty({ example: '2026-10-15', format: 'date' })
  announcedOn: string;

  @ApiProperty({ enum: ['it', 'en'], example: 'it', description: 'Language the job titles are written in' })
  titleLang: 'it' | 'en';

  @ApiProperty({ type: CohortCountsResponseDto })
  counts: CohortCountsResponseDto;

  @ApiProperty({ enum: ['processing', 'ready'], example: 'ready', description: 'processing: uploads or confirmations not processed yet' })
  processing: 'processing' | 'ready';

  @ApiProperty({ type: CohortReportStatusResponseDto, nullable: true, description: 'null until the first report is computed' })
  report: CohortReportStatusResponseDto | null;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;
}

export class CohortListResponseDto {
  @ApiProperty({ type: [CohortResponseDto], description: 'Newest first (at most 200)' })
  items: CohortResponseDto[];
}

export class CohortMemberOccupationResponseDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  id: string;

  @ApiProperty({ example: 'saldatore/saldatrice', description: 'Label in the language asked for' })
  label: string;

  @ApiProperty({ enum: ['given', 'suggested', 'confirmed'], example: 'suggested', description: 'given: in the upload; suggested: from the job title; confirmed: by a person' })
  source: string;

  @ApiProperty({ example: 0.91, nullable: true, type: Number, description: 'Confidence of a suggestion (null when given or confirmed)' })
  confidence: number | null;
}

export class CohortMemberSuggestionResponseDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  occupationId: string;

  @ApiProperty({ example: 'saldatore/saldatrice' })
  label: string;

  @ApiProperty({ example: 0.74, minimum: 0, maximum: 1 })
  confidence: number;
}

export class CohortMemberResponseDto {
  @ApiProperty({ example: '3d8f1a6c-0b2e-4c7d-9a5f-e1b4c8d2f706' })
  id: string;

  @ApiProperty({ example: 'RIV-00421' })
  employeeRef: string;

  @ApiProperty({ example: 'Orbassano', description: 'Home municipality' })
  municipality: string;

  @ApiProperty({ example: 'TO', nullable: true, type: String })
  province: string | null;

  @ApiProperty({ example: 'operaio addetto alla saldatura robotizzata', nullable: true, type: String })
  jobTitle: string | null;

  @ApiProperty({ example: 12 })
  years: number;

  @ApiProperty({ enum: MEMBER_STATUSES, example: 'profiled' })
  status: MemberStatus;

  @ApiProperty({ type: CohortMemberOccupationResponseDto, nullable: true })
  occupation: CohortMemberOccupationResponseDto | null;

  @ApiProperty({ type: [CohortMemberSuggestionResponseDto], description: 'Top suggestions for the job title, best first (empty when none reached the threshold)' })
  suggestions: CohortMemberSuggestionResponseDto[];

  @ApiProperty({ example: true })
  hasEmail: boolean;

  @ApiProperty({ example: true, description: 'An invitation was sent' })
  invited: boolean;

  @ApiProperty({ example: false })
  claimed: boolean;
}

export class CohortMemberPageResponseDto {
  @ApiProperty({ type: [CohortMemberResponseDto], description: 'By employee reference' })
  items: CohortMemberResponseDto[];

  @ApiProperty({ example: 'RIV-00470', nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class CohortRejectedRowResponseDto {
  @ApiProperty({ example: 7, description: 'Line in the CSV file (the header is line 1), or the 1-based position in a JSON array' })
  line: number;

  @ApiProperty({ example: 'RIV-00427', nullable: true, type: String })
  employeeRef: string | null;

  @ApiProperty({ example: 'municipality', description: 'The JSON name of the field' })
  field: string;

  @ApiProperty({ example: 'unknown municipality "Orbasano"' })
  reason: string;
}

export class CohortUploadResponseDto {
  @ApiProperty({ example: 5000, description: 'Rows in the upload' })
  received: number;

  @ApiProperty({ example: 4987, description: 'Valid rows' })
  accepted: number;

  @ApiProperty({ example: 4987, description: 'New members (accepted rows whose reference the cohort did not have)' })
  created: number;

  @ApiProperty({ example: 0, description: 'Accepted rows whose reference the cohort already had: left as they are' })
  unchanged: number;

  @ApiProperty({ type: [CohortRejectedRowResponseDto], description: 'Rejected rows with their line and first problem' })
  rejected: CohortRejectedRowResponseDto[];
}

export class CohortQueuedResponseDto {
  @ApiProperty({ enum: [true], example: true, description: 'The work is queued for the worker' })
  queued: true;
}
