import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const TIG = 'a51adea8-bf02-488a-a0d8-b0961caca5b0';

/** A skill as lists show it. */
export class SkillSummaryResponseDto {
  @ApiProperty({ example: TIG, format: 'uuid', description: 'Last segment of the ESCO URI' })
  skillId: string;

  @ApiProperty({ example: `http://data.europa.eu/esco/skill/${TIG}` })
  uri: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno', description: 'In the requested language; Italian falls back to English' })
  label: string;

  @ApiProperty({ example: 'perform tungsten inert gas welding' })
  labelEn: string;

  @ApiProperty({ example: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno', nullable: true, type: String })
  labelIt: string | null;

  @ApiProperty({
    example: 'ricarica',
    enum: ['esco', 'ricarica'],
    nullable: true,
    type: String,
    description: "Source of the Italian label: ESCO's official translation, or Ricarica's own (not official); null without one",
  })
  labelSource: 'esco' | 'ricarica' | null;

  @ApiProperty({ example: 'skill/competence', enum: ['skill/competence', 'knowledge'], nullable: true, type: String })
  skillType: string | null;

  @ApiProperty({ example: 'sector-specific', enum: ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'], nullable: true, type: String })
  reuseLevel: string | null;
}

export class SkillHitResponseDto extends SkillSummaryResponseDto {
  @ApiProperty({ example: ['saldatura TIG', 'TIG', 'saldatura GTAW', 'saldatore TIG'], type: [String], description: 'Alternative labels in the language of `label`' })
  altLabels: string[];

  @ApiPropertyOptional({ example: 'saldatura TIG', description: 'The label the query matched, when it is not `label` (an alternative, or the other language)' })
  matchedLabel?: string;
}

export class SkillSearchResponseDto {
  @ApiProperty({ type: [SkillHitResponseDto], description: 'Best matches first' })
  items: SkillHitResponseDto[];
}

export class BroaderConceptResponseDto {
  @ApiProperty({ example: '24a39c1b-b8cc-4210-8b74-b388a90e8f59', description: 'Last URI segment: a UUID, or an ISCED-F code for knowledge groups' })
  id: string;

  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/24a39c1b-b8cc-4210-8b74-b388a90e8f59' })
  uri: string;

  @ApiProperty({ example: 'skillGroup', enum: ['skill', 'skillGroup'] })
  type: 'skill' | 'skillGroup';

  @ApiProperty({ example: 'joining parts using soldering, welding or brazing techniques', description: 'Skill groups are labelled in English only' })
  label: string;
}

export class SkillResponseDto extends SkillSummaryResponseDto {
  @ApiProperty({ example: ['saldatura TIG', 'TIG', 'saldatura GTAW', 'saldatore TIG'], type: [String], description: 'Alternative labels in the language of `label`' })
  altLabels: string[];

  @ApiProperty({ example: 'Weld metals using tungsten inert gas (TIG) welding. This arc welding process joins metal workpieces…', nullable: true, type: String, description: 'ESCO description (English)' })
  description: string | null;

  @ApiProperty({ type: [BroaderConceptResponseDto], description: 'Concepts directly above this one in the ESCO skill pillar' })
  broader: BroaderConceptResponseDto[];
}
