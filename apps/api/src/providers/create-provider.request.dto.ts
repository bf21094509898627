import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LocationInputDto } from '@ricarica/places';

export class CreateProviderRequestDto {
  @ApiProperty({ example: 'CNOS-FAP Piemonte', maxLength: 200 })
  @IsString() @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    example: 'Regione Piemonte, accreditamento n. 123/001',
    maxLength: 200,
    nullable: true,
    type: String,
    description: 'Regional accreditation reference, free text; null clears it',
  })
  @IsOptional() @IsString() @MaxLength(200)
  accreditation?: string | null;

  @ApiPropertyOptional({
    type: [LocationInputDto],
    example: [{ name: 'Sede di Torino Valdocco', municipality: 'Torino' }],
    description: 'Training sites, each a municipality and/or coordinates; replaced as a whole on update',
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LocationInputDto)
  sites?: LocationInputDto[];
}
