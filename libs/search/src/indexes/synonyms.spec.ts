import { buildSynonyms, DEFAULT_SYNONYM_OPTIONS, synonymTerms } from './synonyms';
import { settingsHash } from './index-meta';

describe('synonymTerms', () => {
  it("splits ESCO's gendered Italian labels and keeps only short, typeable labels", () => {
    expect(synonymTerms('saldatore/saldatrice', 2)).toEqual(['saldatore', 'saldatrice']);
    expect(synonymTerms('  Saldatura   TIG ', 2)).toEqual(['saldatura tig']);
    expect(synonymTerms('eseguire la saldatura a gas', 2)).toEqual([]);
    expect(synonymTerms('pipe fitter & welder', 3)).toEqual([]);
    expect(synonymTerms('IT', 2)).toEqual([]);
  });
});

describe('buildSynonyms', () => {
  const loose = { ...DEFAULT_SYNONYM_OPTIONS, minSupport: 1 };
  const useWelding = { it: ['utilizzare attrezzature di saldatura', 'saldatura', 'saldatrice'], en: ['use welding equipment', 'welding'] };
  const joinMetals = { it: ['unire metalli', 'saldatura', 'brasatura'], en: ['join metals', 'welding', 'soldering'] };
  const welder = { it: ['saldatore/saldatrice', 'saldatore edile'], en: ['welder', 'fitter', 'arc welder'] };

  it('pairs the preferred labels of a concept across the languages, both ways', () => {
    expect(buildSynonyms([welder])).toEqual({ saldatore: ['welder'], saldatrice: ['welder'], welder: ['saldatore', 'saldatrice'] });
  });

  it('pairs alternative labels only when several concepts agree (a loose label like "fitter" stays out)', () => {
    expect(buildSynonyms([useWelding, joinMetals, welder])).toEqual({
      saldatura: ['welding'], welding: ['saldatura'], saldatore: ['welder'], saldatrice: ['welder'], welder: ['saldatore', 'saldatrice'],
    });
    expect(buildSynonyms([welder], loose).saldatore).toEqual(['welder', 'fitter']);
  });

  it('ignores concepts labelled in one language only, terms spelled alike in both, and (by default) multi-word labels', () => {
    expect(buildSynonyms([{ it: [], en: ['weld underwater', 'underwater welding'] }])).toEqual({});
    expect(buildSynonyms([{ it: ['PLC'], en: ['PLC'] }])).toEqual({});
    expect(buildSynonyms([{ it: ['saldatura a stagno', 'stagnatura'], en: ['soldering', 'solder metal'] }], loose)).toEqual({ stagnatura: ['soldering'], soldering: ['stagnatura'] });
  });

  it('keeps the best synonyms of a shared term, in a stable order whatever the input order', () => {
    const concepts = [useWelding, joinMetals, { it: ['saldatura'], en: ['weld', 'welding'] }, { it: ['saldatura a stagno', 'saldatura'], en: ['soldering techniques', 'soldering'] }];
    const options = { ...loose, maxPerTerm: 2 };
    // "weld" is the preferred English label of a concept whose preferred Italian one is "saldatura"; then the most agreed.
    expect(buildSynonyms(concepts, options).saldatura).toEqual(['weld', 'welding']);
    expect(buildSynonyms([...concepts].reverse(), options)).toEqual(buildSynonyms(concepts, options));
  });
});

describe('settingsHash', () => {
  it('does not depend on key order, only on values', () => {
    expect(settingsHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(settingsHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(settingsHash({ a: [1, 2] })).not.toBe(settingsHash({ a: [2, 1] }));
  });
});
