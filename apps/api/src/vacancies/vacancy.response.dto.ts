import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';
import { CONTRACT_TYPES, ContractType, IMPORTANCES, Importance, VACANCY_STATUSES, VacancyStatus } from '@ricarica/vacancies';

export class VacancyRequirementResponseDto {
  @ApiProperty({ example: 'a51adea8-bf02-488a-a0d8-b0961caca5b0' })
  skillId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/a51adea8-bf02-488a-a0d8-b0961caca5b0' })
  uri: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno' })
  label: string;

  @ApiProperty({ enum: IMPORTANCES, example: 'essential' })
  importance: Importance;

  @ApiProperty({ example: 3, minimum: 1, maximum: 4 })
  minLevel: number;
}

export class EmployerRefResponseDto {
  @ApiProperty({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40' })
  id: string;

  @ApiProperty({ example: 'Brembo Componenti S.r.l.' })
  name: string;
}

export class OccupationRefResponseDto {
  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  occupationId: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b' })
  uri: string;

  @ApiProperty({ example: 'saldatore/saldatrice' })
  label: string;
}

export class VacancyResponseDto {
  @ApiProperty({ example: 'c3a9e1f0-7b2d-4e8a-9f61-5d0b3c2a8e17' })
  id: string;

  @ApiProperty({ type: EmployerRefResponseDto })
  employer: EmployerRefResponseDto;

  @ApiProperty({ example: 'Saldatore TIG per telai in alluminio' })
  title: string;

  @ApiProperty({ example: 'Turno giornaliero, reparto carrozzeria.' })
  description: string;

  @ApiProperty({ example: '7aedaa07-3884-4c5b-88f9-80997b2aa54b', nullable: true, type: String })
  occupationId: string | null;

  @ApiProperty({ type: OccupationRefResponseDto, nullable: true })
  occupation: OccupationRefResponseDto | null;

  @ApiProperty({ type: PlaceDto, nullable: true })
  location: PlaceDto | null;

  @ApiProperty({ example: false })
  remote: boolean;

  @ApiProperty({ type: [VacancyRequirementResponseDto], description: 'Essential first, then by minimum level' })
  requirements: VacancyRequirementResponseDto[];

  @ApiProperty({ enum: CONTRACT_TYPES, example: 'permanent' })
  contractType: ContractType;

  @ApiProperty({ example: 28000, nullable: true, type: Number })
  salaryMinEur: number | null;

  @ApiProperty({ example: 34000, nullable: true, type: Number })
  salaryMaxEur: number | null;

  @ApiProperty({ example: 3 })
  openings: number;

  @ApiProperty({ enum: VACANCY_STATUSES, example: 'open' })
  status: VacancyStatus;

  @ApiProperty({ example: '2027-03-31T22:59:59.000Z', nullable: true, type: String, format: 'date-time' })
  expiresAt: Date | null;

  @ApiProperty({ example: 2, description: 'Increases with every change' })
  version: number;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class VacancyPageResponseDto {
  @ApiProperty({ type: [VacancyResponseDto] })
  items: VacancyResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
