import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, AuditOutcome } from '@ricarica/accounts';

export class AuditEntryResponseDto {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  at: Date;

  @ApiProperty({ example: '0b9e5a7c-3d1f-4b2a-8e6c-9f4d2a1b7c30', nullable: true, type: String, description: 'Null when anonymous or erased' })
  actorUserId: string | null;

  @ApiProperty({ example: 'employer', description: 'A role, or anonymous' })
  actorRole: string;

  @ApiProperty({ example: 'PATCH /api/v1/vacancies/:id', description: 'A route template or an event (account.erased, auth.login)' })
  action: string;

  @ApiProperty({ example: 'vacancy', nullable: true, type: String })
  targetType: string | null;

  @ApiProperty({ example: '7d3c1a9e-2b4f-4e6a-9c8d-1f0e3b5a7c92', nullable: true, type: String })
  targetId: string | null;

  @ApiProperty({ enum: AUDIT_OUTCOMES, example: 'forbidden' })
  outcome: AuditOutcome;

  @ApiProperty({ example: 403, nullable: true, type: Number })
  status: number | null;
}

export class AuditPageResponseDto {
  @ApiProperty({ type: [AuditEntryResponseDto] })
  items: AuditEntryResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
