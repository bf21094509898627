import { ApiProperty } from '@nestjs/swagger';
import { PlaceDto } from '@ricarica/places';

export class ProviderSiteResponseDto extends PlaceDto {
  @ApiProperty({ example: 'Sede di Torino Valdocco', nullable: true, type: String })
  name: string | null;
}

export class ProviderResponseDto {
  @ApiProperty({ example: '9c4e2b7a-1f3d-4a6e-8b5c-0d2f7e9a1c36' })
  id: string;

  @ApiProperty({ example: 'CNOS-FAP Piemonte' })
  name: string;

  @ApiProperty({ example: 'Regione Piemonte, accreditamento n. 123/001', nullable: true, type: String })
  accreditation: string | null;

  @ApiProperty({ type: [ProviderSiteResponseDto] })
  sites: ProviderSiteResponseDto[];

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;

  @ApiProperty({ example: '2026-11-23T08:30:00.000Z' })
  updatedAt: Date;
}

export class ProviderPageResponseDto {
  @ApiProperty({ type: [ProviderResponseDto] })
  items: ProviderResponseDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor: string | null;
}
