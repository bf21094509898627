import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '@ricarica/accounts';

export class AccountResponseDto {
  @ApiProperty({ example: '0b9e5a7c-3d1f-4b2a-8e6c-9f4d2a1b7c30' })
  id: string;

  @ApiProperty({ example: 'giulia.ferrero@example.it' })
  email: string;

  @ApiProperty({ enum: ROLES, example: 'worker' })
  role: Role;

  @ApiProperty({ example: 'Giulia Ferrero' })
  displayName: string;

  @ApiProperty({ example: '3f2b9c1e-8f3a-4d7e-9a51-0c7d2e4b6a10', nullable: true, type: String, description: "A worker account's profile, once made" })
  workerId: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: "An employer account's employer record, once made" })
  employerId: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, description: "A provider account's provider record, once made" })
  providerId: string | null;

  @ApiProperty({ example: '2026-11-23T08:00:00.000Z' })
  createdAt: Date;
}

export class AuthResponseDto {
  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjllIn0.c2lnbmF0dXJl', description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken: string;

  @ApiProperty({ example: 900, description: 'Seconds the access token lasts (ACCESS_TOKEN_TTL_S)' })
  expiresIn: number;

  @ApiProperty({ example: 'q9J3v0xXk8d4lY2mS7bN1cR6tF5gH0aZ-pW_eU3oI8k', description: 'One use: POST /auth/refresh returns a new one' })
  refreshToken: string;

  @ApiProperty({ example: 2592000, description: 'Seconds of inactivity after which the session ends (REFRESH_TOKEN_TTL_S)' })
  refreshExpiresIn: number;

  @ApiProperty({ type: AccountResponseDto })
  account: AccountResponseDto;
}
