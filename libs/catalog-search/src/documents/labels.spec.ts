import { sameState, skillLabelFields } from './labels';

describe('sameState', () => {
  it('compares version, source stamp and next session; absent equals absent only', () => {
    expect(sameState({ version: 2, sourceUpdatedAt: 10, next: null }, { version: 2, sourceUpdatedAt: 10 })).toBe(true);
    expect(sameState({ version: 2, sourceUpdatedAt: 10 }, { version: 3, sourceUpdatedAt: 10 })).toBe(false);
    expect(sameState({ version: 2, sourceUpdatedAt: 10 }, { version: 2, sourceUpdatedAt: 11 })).toBe(false);
    expect(sameState({ version: 2, sourceUpdatedAt: 10, next: 5 }, { version: 2, sourceUpdatedAt: 10, next: 6 })).toBe(false);
    expect(sameState(undefined, undefined)).toBe(true);
    expect(sameState(undefined, { version: 1, sourceUpdatedAt: 1 })).toBe(false);
  });
});

describe('skillLabelFields', () => {
  it('flattens the labels of both languages, without repeats, and keeps a display list', () => {
    const fields = skillLabelFields([
      { skillId: 'a', labelEn: 'welding', labelIt: 'saldatura', altLabelsEn: ['weld'], altLabelsIt: ['saldatrice'] },
      { skillId: 'b', labelEn: 'weld underwater', labelIt: null, altLabelsEn: ['weld', 'underwater welding'], altLabelsIt: [] },
    ]);
    expect(fields).toEqual({
      skillIds: ['a', 'b'],
      skills: [{ skillId: 'a', labelEn: 'welding', labelIt: 'saldatura' }, { skillId: 'b', labelEn: 'weld underwater', labelIt: null }],
      skillLabelsIt: ['saldatura'],
      skillLabelsEn: ['welding', 'weld underwater'],
      skillAltLabelsIt: ['saldatrice'],
      skillAltLabelsEn: ['weld', 'underwater welding'],
    });
  });
});
