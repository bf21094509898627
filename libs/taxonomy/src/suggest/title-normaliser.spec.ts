import { titleVariants, titleWords } from './title-normaliser';

describe('job title normalisation', () => {
  it('drops noise words and makes Italian feminine forms masculine', () => {
    expect(titleVariants('Operaia addetta alla saldatura (3° livello)', 'it').words).toEqual(['addetto', 'saldatura']);
    expect(titleVariants('Operatrice CNC', 'it').words).toEqual(['operatore', 'cnc']);
  });

  it('turns the activity into the agent noun ESCO labels use, and searches the head noun alone without scoring on it', () => {
    const v = titleVariants('addetto alla saldatura robotizzata', 'it');
    expect(v.queries.map((q) => q.q)).toContain('saldatore robot');
    expect(v.queries.filter((q) => !q.scored).map((q) => q.q)).toEqual(['saldatore']);
  });

  it('expands shop-floor job names ESCO spells out', () => {
    expect(titleVariants('carrellista', 'it').queries.map((q) => q.q)).toContain('operatore carrelli elevatori');
  });

  it('gives no query for a title of generic words only', () => {
    expect(titleVariants('operaio generico', 'it').queries).toEqual([]);
    expect(titleVariants('Employee', 'en').queries).toEqual([]);
  });

  it('keeps letters with digits and drops numbers and single letters', () => {
    expect(titleWords("Tecnico stampa 3D, l'officina 2")).toEqual(['tecnico', 'stampa', '3d', 'officina']);
  });
});
