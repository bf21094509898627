import { ApiProperty } from '@nestjs/swagger';
import { InsightAreaRefResponseDto, InsightCellResponseDto, InsightLabelResponseDto, InsightSnapshotRefResponseDto } from './insights-common.response.dto';

export class CourseOfferResponseDto {
  @ApiProperty({ example: '4d8f1a2b-6c3e-4f9a-b7d1-2e5c8a0f3b69' })
  id: string;

  @ApiProperty({ example: 'Gestione del magazzino' })
  title: string;

  @ApiProperty({ example: 'Formazione Molise', description: 'Training body' })
  provider: string;

  @ApiProperty({ enum: ['in_person', 'online', 'blended'], example: 'in_person' })
  mode: string;

  @ApiProperty({ example: 40 })
  hours: number;

  @ApiProperty({ example: 12, description: 'Seats of sessions starting in the next 90 days' })
  seatsNext90Days: number;
}

export class TrainingDemandItemResponseDto {
  @ApiProperty({ type: InsightLabelResponseDto })
  skill: InsightLabelResponseDto;

  @ApiProperty({ type: InsightCellResponseDto, description: 'Displaced and at-risk workers whose top matches lack it' })
  workersWhoWouldGain: InsightCellResponseDto;

  @ApiProperty({ example: 5, description: 'Openings requiring it' })
  demand: number;

  @ApiProperty({ type: InsightCellResponseDto })
  gap: InsightCellResponseDto;

  @ApiProperty({ type: [CourseOfferResponseDto], description: 'Courses in reach now, 5 at most' })
  courses: CourseOfferResponseDto[];

  @ApiProperty({ example: 32 })
  seatsNext90Days: number;
}

export class TrainingDemandResponseDto {
  @ApiProperty({ type: InsightSnapshotRefResponseDto })
  snapshot: InsightSnapshotRefResponseDto;

  @ApiProperty({ type: InsightAreaRefResponseDto })
  area: InsightAreaRefResponseDto;

  @ApiProperty({ type: [TrainingDemandItemResponseDto] })
  items: TrainingDemandItemResponseDto[];
}
