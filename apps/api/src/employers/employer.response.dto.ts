import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';

export class SiteResponseDto extends PlaceDto {
  @ApiProperty({ example: 'Stabilimento di Curno', nullable: true, type: String })
  name: string | null;
}

export class EmployerResponseDto {
  @ApiProperty({ example: '5b1f7c2a-9d4e-4f0a-8c3b-2e6d1a7f9b40' })
  id: string;

  @ApiProperty({ example: 'Brembo Componenti S.r.l.' })
  name: string;

  @ApiProperty({ example: '07973780013', description: 'Italian numbers without the IT prefix' })
  vatNumber: string;

  @ApiProperty({ example: '29.32', nullable: true, type: String })
  naceCode: string | null;

  @ApiProperty({ type: [SiteResponseDto] })
  sites: SiteResponseDto[];

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class EmployerPageResponseDto {
  @ApiProperty({ type: [EmployerResponseDto] })
  items: EmployerResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
