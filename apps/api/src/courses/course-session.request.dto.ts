import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** A date-time with its offset: a bare date or a local time would be read in the server's zone. */
const DATE_TIME_WITH_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export class CourseSessionRequestDto {
  @ApiPropertyOptional({
    example: '1e7b3c9a-5f2d-4b8e-a0c6-9d4f2a7e1b53',
    description: 'On update only: keeps this stored session and the seats taken in it. Sessions without an id are added; stored ones left out are removed (refused while someone holds a seat).',
  })
  @IsOptional() @IsUUID('all', { message: 'must be the id of one of this course\'s sessions' })
  id?: string;

  @ApiProperty({ example: '2027-02-01T09:00:00+01:00', format: 'date-time', description: 'ISO 8601 date-time with offset' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time such as 2027-02-01T09:00:00+01:00' })
  @Matches(DATE_TIME_WITH_ZONE, { message: 'must include a time and an offset (Z or +01:00)' })
  startsAt: string;

  @ApiProperty({ example: '2027-04-30T18:00:00+02:00', format: 'date-time', description: 'After startsAt' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time such as 2027-04-30T18:00:00+02:00' })
  @Matches(DATE_TIME_WITH_ZONE, { message: 'must include a time and an offset (Z or +01:00)' })
  endsAt: string;

  @ApiProperty({ example: 16, minimum: 0, maximum: 10000, description: 'Capacity; not below the seats already taken' })
  @IsInt() @Min(0) @Max(10000)
  seats: number;
}
