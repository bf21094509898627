import { ApiProperty } from '@nestjs/swagger';
import { ApplicationResponseDto } from '../applications/application.response.dto';
import { AccountResponseDto } from '../auth/account.response.dto';
import { EmployerResponseDto } from '../employers/employer.response.dto';
import { EnrolmentResponseDto } from '../enrolments/enrolment.response.dto';
import { ProviderResponseDto } from '../providers/provider.response.dto';
import { WorkerResponseDto } from '../workers/worker.response.dto';

export class SessionExportResponseDto {
  @ApiProperty({ example: '6d1f3b5a-7c9e-4a2b-8d0f-1e3c5a7b9d2f' })
  id: string;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:14:00.000Z' })
  lastUsedAt: Date;

  @ApiProperty({ example: '2026-12-23T08:14:00.000Z' })
  expiresAt: Date;

  @ApiProperty({ example: null, nullable: true, type: Date })
  revokedAt: Date | null;

  @ApiProperty({ example: null, nullable: true, type: String, enum: ['logout', 'reuse'] })
  revokedReason: string | null;
}

export class AuditEntryExportResponseDto {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  at: Date;

  @ApiProperty({ example: 'worker' })
  actorRole: string;

  @ApiProperty({ example: 'GET /api/v1/workers/:id' })
  action: string;

  @ApiProperty({ example: 'worker', nullable: true, type: String })
  targetType: string | null;

  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10', nullable: true, type: String })
  targetId: string | null;

  @ApiProperty({ example: 'hidden' })
  outcome: string;

  @ApiProperty({ example: 404, nullable: true, type: Number })
  status: number | null;
}

/** Everything Ricarica holds about the caller. */
export class PersonalDataResponseDto {
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' })
  exportedAt: Date;

  @ApiProperty({ type: AccountResponseDto })
  account: AccountResponseDto;

  @ApiProperty({ type: [SessionExportResponseDto] })
  sessions: SessionExportResponseDto[];

  @ApiProperty({ type: WorkerResponseDto, nullable: true })
  worker: WorkerResponseDto | null;

  @ApiProperty({ type: [ApplicationResponseDto] })
  applications: ApplicationResponseDto[];

  @ApiProperty({ type: [EnrolmentResponseDto] })
  enrolments: EnrolmentResponseDto[];

  @ApiProperty({ type: EmployerResponseDto, nullable: true })
  employer: EmployerResponseDto | null;

  @ApiProperty({ type: ProviderResponseDto, nullable: true })
  provider: ProviderResponseDto | null;

  @ApiProperty({ type: [AuditEntryExportResponseDto], description: 'What this account did that was audited' })
  auditLog: AuditEntryExportResponseDto[];
}
