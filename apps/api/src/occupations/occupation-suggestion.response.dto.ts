import { ApiProperty } from '@nestjs/swagger';

const WELDER = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';

export class OccupationSuggestionResponseDto {
  @ApiProperty({ example: WELDER, format: 'uuid' })
  occupationId: string;

  @ApiProperty({ example: `http://data.europa.eu/esco/occupation/${WELDER}` })
  uri: string;

  @ApiProperty({ example: 'saldatore/saldatrice', description: 'In the requested language; Italian falls back to English' })
  label: string;

  @ApiProperty({ example: 'welder' })
  labelEn: string;

  @ApiProperty({ example: 'saldatore/saldatrice', nullable: true, type: String })
  labelIt: string | null;

  @ApiProperty({ example: '7212', nullable: true, type: String })
  iscoGroup: string | null;

  @ApiProperty({ example: 0.82, minimum: 0, maximum: 1, description: 'How closely the title matches one of the labels (0..1)' })
  confidence: number;

  @ApiProperty({ example: 'saldatore', description: 'The label (preferred or alternative, either language) the title matched best' })
  matchedLabel: string;
}

export class OccupationSuggestResponseDto {
  @ApiProperty({ example: 'saldatore', description: 'The title reduced to the words that were searched (noise words dropped, feminine forms made masculine)' })
  normalised: string;

  @ApiProperty({ example: 0.55, description: 'Suggestions below this confidence are not returned' })
  threshold: number;

  @ApiProperty({ type: [OccupationSuggestionResponseDto], description: 'Best first; empty when nothing is close enough' })
  items: OccupationSuggestionResponseDto[];
}
