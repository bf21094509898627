import { altLabelsIn, labelIn, matchedLabel } from './labels';

const tig = {
  labelEn: 'perform tungsten inert gas welding',
  altLabelsEn: ['undertake tungsten inert gas welding', 'TIG welding'],
  labelIt: 'eseguire la saldatura a gas inerte con elettrodo di tungsteno',
  altLabelsIt: ['saldatura TIG', 'TIG', 'saldatore TIG'],
};
const english = { ...tig, labelIt: null, altLabelsIt: [] };

describe('labelIn / altLabelsIn', () => {
  it('answers in the requested language', () => {
    expect(labelIn('it', tig)).toBe(tig.labelIt);
    expect(labelIn('en', tig)).toBe(tig.labelEn);
    expect(altLabelsIn('it', tig)).toEqual(tig.altLabelsIt);
    expect(altLabelsIn('en', tig)).toEqual(tig.altLabelsEn);
  });

  it('falls back to English labels when there is no Italian one', () => {
    expect(labelIn('it', english)).toBe(english.labelEn);
    expect(altLabelsIn('it', english)).toEqual(english.altLabelsEn);
  });
});

describe('matchedLabel', () => {
  const tigEn = { ...tig, altLabelsEn: ['undertake tungsten inert gas welding', 'operate inert arc bonding and welding'] };

  it('names the alternative label the query matched, typo included', () => {
    expect(matchedLabel('it', tig, 'saldatore tig')).toBe('saldatore TIG');
    expect(matchedLabel('en', tigEn, 'inert arc bondng')).toBe('operate inert arc bonding and welding');
  });

  it('names a label of the other language', () => {
    expect(matchedLabel('en', tig, 'saldatura TIG')).toBe('saldatura TIG');
    expect(matchedLabel('it', tig, 'tig weldin')).toBe('TIG welding');
  });

  it('matches the last typed word as a prefix, with a typo from five letters', () => {
    expect(matchedLabel('it', tig, 'saldato')).toBe('saldatore TIG');
    expect(matchedLabel('it', tig, 'saldatu')).toBeUndefined();
    expect(matchedLabel('it', tig, 'saldatre')).toBe('saldatore TIG');
  });

  it('is absent when the shown label matches best, or nothing matches', () => {
    expect(matchedLabel('it', tig, 'eseguire la saldatura')).toBeUndefined();
    expect(matchedLabel('en', tig, 'tungsten')).toBeUndefined();
    expect(matchedLabel('it', tig, 'tornio')).toBeUndefined();
    expect(matchedLabel('it', tig, '  ')).toBeUndefined();
  });

  it('ignores accents and case', () => {
    expect(matchedLabel('it', { ...tig, altLabelsIt: ['Saldatùra TIG'] }, 'saldatura tig')).toBe('Saldatùra TIG');
  });
});
