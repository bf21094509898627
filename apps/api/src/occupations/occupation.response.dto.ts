import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SkillSummaryResponseDto } from '../skills/skill.response.dto';

const WELDER = '7aedaa07-3884-4c5b-88f9-80997b2aa54b';

export class OccupationHitResponseDto {
  @ApiProperty({ example: WELDER, format: 'uuid', description: 'Last segment of the ESCO URI' })
  occupationId: string;

  @ApiProperty({ example: `http://data.europa.eu/esco/occupation/${WELDER}` })
  uri: string;

  @ApiProperty({ example: 'saldatore/saldatrice', description: 'In the requested language; Italian falls back to English (68 occupations added in ESCO v1.1 have no Italian label)' })
  label: string;

  @ApiProperty({ example: 'welder' })
  labelEn: string;

  @ApiProperty({ example: 'saldatore/saldatrice', nullable: true, type: String, description: 'Official ESCO Italian label (v1.0.8)' })
  labelIt: string | null;

  @ApiProperty({ example: ['saldatore di acciaio', 'saldatore'], type: [String], description: 'Alternative labels in the language of `label`' })
  altLabels: string[];

  @ApiProperty({ example: '7212', nullable: true, type: String, description: 'ISCO-08 unit group' })
  iscoGroup: string | null;

  @ApiProperty({ example: '7212.3', nullable: true, type: String, description: 'ESCO hierarchical code' })
  code: string | null;

  @ApiPropertyOptional({ example: 'saldatore', description: 'The label the query matched, when it is not `label`' })
  matchedLabel?: string;
}

export class OccupationSearchResponseDto {
  @ApiProperty({ type: [OccupationHitResponseDto], description: 'Best matches first' })
  items: OccupationHitResponseDto[];
}

export class OccupationResponseDto {
  @ApiProperty({ example: WELDER, format: 'uuid', description: 'Last segment of the ESCO URI' })
  occupationId: string;

  @ApiProperty({ example: `http://data.europa.eu/esco/occupation/${WELDER}` })
  uri: string;

  @ApiProperty({ example: 'saldatore/saldatrice', description: 'In the requested language; Italian falls back to English' })
  label: string;

  @ApiProperty({ example: 'welder' })
  labelEn: string;

  @ApiProperty({ example: 'saldatore/saldatrice', nullable: true, type: String })
  labelIt: string | null;

  @ApiProperty({ example: ['saldatore di acciaio', 'saldatore'], type: [String] })
  altLabels: string[];

  @ApiProperty({ example: '7212', nullable: true, type: String })
  iscoGroup: string | null;

  @ApiProperty({ example: '7212.3', nullable: true, type: String })
  code: string | null;

  @ApiProperty({ example: 'Welders use welding equipment to fuse metal workpieces together…', nullable: true, type: String, description: 'ESCO description (English)' })
  description: string | null;

  @ApiProperty({ type: [SkillSummaryResponseDto], description: 'Essential skills, by label' })
  essentialSkills: SkillSummaryResponseDto[];

  @ApiProperty({ type: [SkillSummaryResponseDto], description: 'Optional skills, by label' })
  optionalSkills: SkillSummaryResponseDto[];
}
