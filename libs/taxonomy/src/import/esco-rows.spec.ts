import {
  cleanLabel,
  conceptId,
  InvalidRowError,
  parseBroaderRow,
  parseItalianLabels,
  parseOccupationRow,
  parseRelationRow,
  parseSkillGroupRow,
  parseSkillRow,
  splitLabels,
} from './esco-rows';

const TIG = 'http://data.europa.eu/esco/skill/a51adea8-bf02-488a-a0d8-b0961caca5b0';
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';

const skillRow = (over: Record<string, string> = {}) => ({
  conceptType: 'KnowledgeSkillCompetence',
  conceptUri: TIG,
  skillType: 'skill/competence',
  reuseLevel: 'sector-specific',
  preferredLabel: 'perform tungsten inert gas welding',
  altLabels: 'undertake tungsten inert gas welding\nperform tungsten inert gas welding\nTIG welding',
  description: 'Weld metals using tungsten inert gas (TIG) welding.',
  ...over,
});

describe('cleanLabel', () => {
  it('trims and collapses inner white space', () => {
    expect(cleanLabel('  smart home installer ')).toBe('smart home installer');
    expect(cleanLabel('wiredrawing  machine\toperator')).toBe('wiredrawing machine operator');
    expect(cleanLabel(undefined)).toBe('');
  });
});

describe('splitLabels', () => {
  it('splits one label per line, dropping blanks and duplicates that differ only in case or accents', () => {
    expect(splitLabels('saldatura TIG\r\n\nSaldatura tig\n  TIG  \nsaldatura a filo\nsaldatùra a filo')).toEqual(['saldatura TIG', 'TIG', 'saldatura a filo']);
  });

  it('drops the preferred label, which ESCO often repeats among the alternatives', () => {
    expect(splitLabels('operate forklift\ndrive forklift', 'Operate forklift')).toEqual(['drive forklift']);
  });

  it('returns nothing for an empty cell', () => {
    expect(splitLabels('')).toEqual([]);
    expect(splitLabels(undefined)).toEqual([]);
  });
});

describe('conceptId', () => {
  it('takes the last URI segment, a UUID or a group code', () => {
    expect(conceptId(TIG)).toBe('a51adea8-bf02-488a-a0d8-b0961caca5b0');
    expect(conceptId('http://data.europa.eu/esco/isced-f/0713')).toBe('0713');
  });

  it('refuses what is not a concept URI', () => {
    expect(() => conceptId('not a uri')).toThrow(InvalidRowError);
    expect(() => conceptId('http://data.europa.eu/esco/skill/')).toThrow(InvalidRowError);
  });
});

describe('parseSkillRow', () => {
  it('maps a skills_en row with trimmed labels and alternatives without the preferred label', () => {
    const skill = parseSkillRow(skillRow({ preferredLabel: ' perform tungsten inert gas welding  ' }));
    expect(skill).toMatchObject({
      id: 'a51adea8-bf02-488a-a0d8-b0961caca5b0',
      uri: TIG,
      skillType: 'skill/competence',
      reuseLevel: 'sector-specific',
      labelEn: 'perform tungsten inert gas welding',
      altLabelsEn: ['undertake tungsten inert gas welding', 'TIG welding'],
      labelIt: null,
      altLabelsIt: [],
      labelItSource: null,
    });
    expect(skill.sourceHash).toMatch(/^[0-9a-f]{32}$/);
  });

  it('stores empty skill types and reuse levels as null', () => {
    expect(parseSkillRow(skillRow({ skillType: '', reuseLevel: ' ' }))).toMatchObject({ skillType: null, reuseLevel: null });
  });

  it('takes Ricarica Italian labels when there are no official ones', () => {
    const ricarica = parseItalianLabels({ conceptUri: TIG, preferredLabel: 'eseguire la saldatura TIG', altLabels: 'saldatura TIG\nTIG' });
    expect(parseSkillRow(skillRow(), undefined, ricarica)).toMatchObject({ labelIt: 'eseguire la saldatura TIG', altLabelsIt: ['saldatura TIG', 'TIG'], labelItSource: 'ricarica' });
  });

  it('lets official ESCO Italian labels win, without mixing in Ricarica alternatives', () => {
    const official = { uri: TIG, label: 'effettuare saldature a gas inerte di tungsteno', altLabels: ['saldatura TIG'] };
    const ricarica = { uri: TIG, label: 'eseguire la saldatura TIG', altLabels: ['saldatore TIG'] };
    expect(parseSkillRow(skillRow(), official, ricarica)).toMatchObject({ labelIt: official.label, altLabelsIt: ['saldatura TIG'], labelItSource: 'esco' });
  });

  it('changes the source hash when any stored value changes, and only then', () => {
    const base = parseSkillRow(skillRow());
    expect(parseSkillRow(skillRow()).sourceHash).toBe(base.sourceHash);
    expect(parseSkillRow(skillRow({ preferredLabel: 'TIG welding' })).sourceHash).not.toBe(base.sourceHash);
    expect(parseSkillRow(skillRow({ description: 'Other.' })).sourceHash).not.toBe(base.sourceHash);
    expect(parseSkillRow(skillRow({ modifiedDate: '2030-01-01' })).sourceHash).toBe(base.sourceHash);
    const italian = { uri: TIG, label: 'saldare', altLabels: [] };
    expect(parseSkillRow(skillRow(), undefined, italian).sourceHash).not.toBe(parseSkillRow(skillRow(), italian).sourceHash);
  });

  it('refuses an empty preferred label or a URI without a UUID', () => {
    expect(() => parseSkillRow(skillRow({ preferredLabel: '  ' }))).toThrow('empty preferredLabel');
    expect(() => parseSkillRow(skillRow({ conceptUri: 'http://data.europa.eu/esco/skill/abc' }))).toThrow('does not end in a UUID');
  });
});

describe('parseItalianLabels', () => {
  it('requires a preferred label', () => {
    expect(() => parseItalianLabels({ conceptUri: TIG, preferredLabel: '', altLabels: 'TIG' })).toThrow(InvalidRowError);
  });
});

describe('parseOccupationRow', () => {
  const row = { conceptUri: WELDER, iscoGroup: '7212', preferredLabel: 'welder', altLabels: 'steel welder\nwelder', description: 'Welders join metal.', code: '7212.3' };

  it('joins the Italian row and keeps the English ISCO group and code', () => {
    const italian = { conceptUri: WELDER, iscoGroup: '2166', preferredLabel: 'saldatore/saldatrice', altLabels: 'saldatore\nsaldatore/saldatrice', code: '9999' };
    expect(parseOccupationRow(row, italian)).toMatchObject({
      id: '7aedaa07-3884-4c5b-88f9-80997b2aa54b',
      iscoGroup: '7212',
      code: '7212.3',
      labelEn: 'welder',
      altLabelsEn: ['steel welder'],
      labelIt: 'saldatore/saldatrice',
      altLabelsIt: ['saldatore'],
    });
  });

  it('leaves Italian empty for occupations without an Italian row', () => {
    expect(parseOccupationRow(row)).toMatchObject({ labelIt: null, altLabelsIt: [] });
  });
});

describe('parseSkillGroupRow', () => {
  it('keeps ISCED-F codes as ids and empty codes as null', () => {
    expect(parseSkillGroupRow({ conceptUri: 'http://data.europa.eu/esco/isced-f/0713', preferredLabel: 'electricity and energy', code: '' })).toMatchObject({ id: '0713', code: null, labelEn: 'electricity and energy' });
  });
});

describe('parseBroaderRow', () => {
  it('shortens KnowledgeSkillCompetence to Skill so both ends fit the table', () => {
    expect(parseBroaderRow({ conceptType: 'KnowledgeSkillCompetence', conceptUri: TIG, broaderType: 'SkillGroup', broaderUri: 'http://data.europa.eu/esco/skill/24a39c1b-b8cc-4210-8b74-b388a90e8f59' })).toMatchObject({
      conceptType: 'Skill',
      broaderType: 'SkillGroup',
    });
  });

  it('refuses unknown concept types', () => {
    expect(() => parseBroaderRow({ conceptType: 'Occupation', conceptUri: TIG, broaderType: 'SkillGroup', broaderUri: TIG })).toThrow('unknown concept type');
  });
});

describe('parseRelationRow', () => {
  it('maps both URIs to ids', () => {
    expect(parseRelationRow({ occupationUri: WELDER, relationType: 'essential', skillUri: TIG })).toEqual({
      occupationId: '7aedaa07-3884-4c5b-88f9-80997b2aa54b',
      skillId: 'a51adea8-bf02-488a-a0d8-b0961caca5b0',
      relationType: 'essential',
    });
  });

  it('refuses relation types other than essential and optional', () => {
    expect(() => parseRelationRow({ occupationUri: WELDER, relationType: 'related', skillUri: TIG })).toThrow('unknown relationType');
  });
});
