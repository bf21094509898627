import { ApiProperty } from '@nestjs/swagger';

export class PlaceHitResponseDto {
  @ApiProperty({ example: '001156', description: 'ISTAT municipality code' })
  istatCode: string;

  @ApiProperty({ example: 'Moncalieri' })
  name: string;

  @ApiProperty({ example: 'TO', description: 'Province abbreviation' })
  province: string;

  @ApiProperty({ example: 'Torino' })
  provinceName: string;

  @ApiProperty({ example: 'ITC1', description: 'NUTS-2 region code' })
  region: string;

  @ApiProperty({ example: 'Piemonte' })
  regionName: string;

  @ApiProperty({ example: 44.98812, description: 'Centroid latitude (WGS84)' })
  lat: number;

  @ApiProperty({ example: 7.7027, description: 'Centroid longitude (WGS84)' })
  lng: number;
}

export class PlaceSearchResponseDto {
  @ApiProperty({ type: [PlaceHitResponseDto], description: 'Best matches first; provincial capitals win ties' })
  items: PlaceHitResponseDto[];
}
