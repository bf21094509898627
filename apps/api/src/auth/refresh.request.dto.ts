import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class RefreshRequestDto {
  @ApiProperty({ example: 'q9J3v0xXk8d4lY2mS7bN1cR6tF5gH0aZ-pW_eU3oI8k', description: 'The refreshToken of the last sign-in or refresh' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{20,200}$/, { message: 'must be a refresh token returned by this API' })
  refreshToken: string;
}
