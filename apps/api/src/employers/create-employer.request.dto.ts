import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { isValidVatNumber } from '@ricarica/employers';
import { LocationInputDto } from '@ricarica/places';

export class CreateEmployerRequestDto {
  @ApiProperty({ example: 'Brembo Componenti S.r.l.', maxLength: 200 })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({
    example: '07973780013',
    description: 'Italian partita IVA (11 digits, check digit verified; an IT prefix is accepted and dropped) or another EU VAT number with its country prefix (DE123456789). Unique.',
  })
  @IsString()
  @ValidateBy({
    name: 'isVatNumber',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 30 && isValidVatNumber(value),
      defaultMessage: () => 'must be an Italian partita IVA (11 digits with a valid check digit) or an EU VAT number with its country prefix, such as DE123456789',
    },
  })
  vatNumber: string;

  @ApiPropertyOptional({ example: '29.32', nullable: true, type: String, description: 'NACE Rev. 2 division, group or class (29, 29.3, 29.32); null clears it' })
  @IsOptional() @Matches(/^\d{2}(\.\d{1,2})?$/, { message: 'must be a NACE Rev. 2 code such as 29.32' })
  naceCode?: string | null;

  @ApiPropertyOptional({
    type: [LocationInputDto],
    example: [{ name: 'Stabilimento di Curno', municipality: 'Curno', province: 'BG' }],
    description: 'Production sites, each a municipality and/or coordinates; replaced as a whole on update',
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LocationInputDto)
  sites?: LocationInputDto[];
}
