import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ example: 'giulia.ferrero@example.it' })
  @IsString() @Length(3, 254)
  email: string;

  @ApiProperty({ example: 'tram 15 per Moncalieri' })
  @IsString() @MaxLength(1024)
  password: string;
}
