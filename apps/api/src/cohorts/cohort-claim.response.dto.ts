import { ApiProperty } from '@nestjs/swagger';
import { SKILL_SOURCES } from '@ricarica/workers';

export class CohortClaimOccupationResponseDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  id: string;

  @ApiProperty({ example: 'saldatore/saldatrice' })
  label: string;
}

export class CohortClaimSkillResponseDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0' })
  skillId: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno' })
  label: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 4 })
  level: number;

  @ApiProperty({ enum: SKILL_SOURCES, example: 'inferred', description: "inferred: from the occupation's essential skills; declared: in the upload" })
  source: string;
}

/** What a claim link holds: no personal data, only the cohort, the occupation and the inferred skills. */
export class CohortClaimPreviewResponseDto {
  @ApiProperty({ example: 'Rivalta 2026 – chiusura linea cablaggi', description: "The cohort's name" })
  cohort: string;

  @ApiProperty({ example: 'Componenti Auto Rivalta S.p.A.', description: "The employer's name" })
  employer: string;

  @ApiProperty({ type: CohortClaimOccupationResponseDto, nullable: true })
  occupation: CohortClaimOccupationResponseDto | null;

  @ApiProperty({ type: [CohortClaimSkillResponseDto], description: 'The pre-profile skills, by label' })
  skills: CohortClaimSkillResponseDto[];

  @ApiProperty({ example: '2026-12-07T08:00:00.000Z', description: 'When the claim link stops working' })
  expiresAt: Date;
}

export class CohortClaimResponseDto {
  @ApiProperty({ example: '0b9e5a7c-3d1f-4b2a-8e6c-9f4d2a1b7c30', description: "The worker profile that is now the signed-in account's" })
  workerId: string;
}
