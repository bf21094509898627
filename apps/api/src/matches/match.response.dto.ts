import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';

export class RelatedSkillDto {
  @ApiProperty({ example: '60ff3eac-7d4d-4e51-87b8-74c3b5d62498' })
  skillId: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas attivo' })
  label: string;

  @ApiProperty({ example: 3 })
  level: number;
}

export class RequirementFitDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0' })
  skillId: string;

  @ApiProperty({ example: 'saldatura TIG' })
  label: string;

  @ApiProperty({ enum: ['essential', 'optional'], example: 'essential' })
  importance: 'essential' | 'optional';

  @ApiProperty({ example: 2, minimum: 1, maximum: 4 })
  minLevel: number;

  @ApiProperty({ example: 1, nullable: true, type: Number, description: "The worker's own level, or null" })
  workerLevel: number | null;

  @ApiProperty({ example: 0.5, description: '0..1; half credit comes from a lower level or a related skill' })
  credit: number;

  @ApiProperty({ type: RelatedSkillDto, nullable: true })
  relatedSkill: RelatedSkillDto | null;
}

export class MatchEmployerDto {
  @ApiProperty({ example: '5c0f6d4e-2b1a-4c3d-9e8f-7a6b5c4d3e2f' })
  id: string;

  @ApiProperty({ example: 'Componenti Subalpina S.p.A.' })
  name: string;
}

export class VacancySummaryDto {
  @ApiProperty({ example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  id: string;

  @ApiProperty({ example: 'Tecnico batterie per veicoli elettrici' })
  title: string;

  @ApiProperty({ type: MatchEmployerDto })
  employer: MatchEmployerDto;

  @ApiProperty({ type: PlaceDto, nullable: true })
  location: PlaceDto | null;

  @ApiProperty({ example: false })
  remote: boolean;

  @ApiProperty({ example: 'permanent' })
  contractType: string;

  @ApiProperty({ example: 28000, nullable: true, type: Number })
  salaryMinEur: number | null;

  @ApiProperty({ example: 34000, nullable: true, type: Number })
  salaryMaxEur: number | null;

  @ApiProperty({ example: '2027-01-31T23:00:00.000Z', nullable: true, type: Date })
  expiresAt: Date | null;
}

export class WorkerMatchDto {
  @ApiProperty({ type: VacancySummaryDto })
  vacancy: VacancySummaryDto;

  @ApiProperty({ example: 0.8125, description: 'Σ weight·credit / Σ weight, 4 decimals (essential weight 2, optional 1)' })
  score: number;

  @ApiProperty({ example: 12.4 })
  distanceKm: number;

  @ApiProperty({ type: [RequirementFitDto], description: 'Requirements fully met' })
  matched: RequirementFitDto[];

  @ApiProperty({ type: [RequirementFitDto], description: 'Requirements with credit below 1' })
  gap: RequirementFitDto[];

  @ApiProperty({ example: 'Hai 7 delle 9 competenze essenziali; ti mancano saldatura TIG (livello intermedio) e lettura del disegno tecnico (livello intermedio).' })
  explanation: string;
}

export class WorkerMatchesResponseDto {
  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10' })
  workerId: string;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z', nullable: true, type: Date })
  computedAt: Date | null;

  @ApiProperty({ example: false, description: 'True while a recomputation for this worker is queued' })
  stale: boolean;

  @ApiProperty({ type: [WorkerMatchDto] })
  items: WorkerMatchDto[];
}
