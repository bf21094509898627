import { ApiProperty } from '@nestjs/swagger';

export class PlaceDto {
  @ApiProperty({ example: 45.0703 })
  lat: number;

  @ApiProperty({ example: 7.6869 })
  lng: number;

  @ApiProperty({ example: 'Torino', nullable: true, type: String })
  municipality: string | null;

  @ApiProperty({ example: '001272', nullable: true, type: String })
  municipalityCode: string | null;

  @ApiProperty({ example: 'TO', nullable: true, type: String, description: 'Province abbreviation' })
  province: string | null;

  @ApiProperty({ example: 'ITC1', nullable: true, type: String, description: 'NUTS-2 region code' })
  region: string | null;
}
