import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SELF_SERVICE_ROLES, SelfServiceRole } from '@ricarica/accounts';

export class RegisterRequestDto {
  @ApiProperty({ example: 'giulia.ferrero@example.it', maxLength: 254 })
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254)
  email: string;

  @ApiProperty({
    example: 'tram 15 per Moncalieri',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters, not a common password, not containing the email or the name`,
  })
  // The strength rules (400 AUTH.WEAK_PASSWORD) need the email and name, so the service applies them.
  @IsString() @MaxLength(1024)
  password: string;

  @ApiProperty({ enum: SELF_SERVICE_ROLES, example: 'worker', description: 'admin accounts are made with npm run user:create-admin' })
  @IsIn(SELF_SERVICE_ROLES, { message: `must be one of ${SELF_SERVICE_ROLES.join(', ')}` })
  role: SelfServiceRole;

  @ApiProperty({ example: 'Giulia Ferrero', maxLength: 100 })
  @IsString() @Length(1, 100)
  displayName: string;
}
