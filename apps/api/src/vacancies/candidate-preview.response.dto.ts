import { ApiProperty } from '@nestjs/swagger';

export class PreviewPlaceResponseDto {
  @ApiProperty({ example: 'Cassino', nullable: true, type: String })
  municipality: string | null;

  @ApiProperty({ example: 'FR', nullable: true, type: String })
  province: string | null;

  @ApiProperty({ example: 'ITI4', nullable: true, type: String, description: 'NUTS-2 region code' })
  region: string | null;
}

export class CandidatePreviewResponseDto {
  @ApiProperty({
    example: 42,
    nullable: true,
    type: Number,
    description: 'Consenting workers in reach whose score against these requirements is above 0; null when fewer than `fewerThan`',
  })
  candidates: number | null;

  @ApiProperty({ example: null, nullable: true, type: Number, description: 'Those of them scoring at least `strongScore`; null when fewer than `fewerThan`' })
  strong: number | null;

  @ApiProperty({ example: 5, description: 'Counts below this are never given as numbers, so that a preview cannot single anyone out' })
  fewerThan: number;

  @ApiProperty({ example: 0.7, description: 'The score from which a candidate counts as a strong fit' })
  strongScore: number;

  @ApiProperty({ example: false })
  remote: boolean;

  @ApiProperty({ type: PreviewPlaceResponseDto, nullable: true, description: 'The place the counts are for, as resolved; null when remote' })
  location: PreviewPlaceResponseDto | null;
}
