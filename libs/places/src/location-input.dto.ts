import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

/**
 * A location as people give it: a municipality (ISTAT code or exact name) and/or coordinates.
 * Ricarica fills in the rest from the ISTAT table; given coordinates are kept.
 */
export class LocationInputDto {
  @ApiPropertyOptional({ example: 'Torino', description: 'ISTAT code ("001272") or exact name ("Torino")' })
  @IsOptional() @IsString() @Length(1, 120)
  municipality?: string;

  @ApiPropertyOptional({ example: 'TO', description: 'Province abbreviation, to tell apart municipalities with the same name' })
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be a two-letter province abbreviation such as TO' })
  province?: string;

  @ApiPropertyOptional({ example: 45.0703, description: 'WGS84 latitude' })
  @ValidateIf((o: LocationInputDto) => o.lat !== undefined || o.lng !== undefined)
  @IsLatitude({ message: 'must be a latitude between -90 and 90' })
  lat?: number;

  @ApiPropertyOptional({ example: 7.6869, description: 'WGS84 longitude' })
  @ValidateIf((o: LocationInputDto) => o.lat !== undefined || o.lng !== undefined)
  @IsLongitude({ message: 'must be a longitude between -180 and 180' })
  lng?: number;

  @ApiPropertyOptional({ example: 'Stabilimento di Mirafiori', description: 'Optional label (sites only)' })
  @IsOptional() @IsString() @MaxLength(120)
  name?: string;
}
