import { settingsCover } from './index-sync';

describe('settingsCover', () => {
  const wanted = {
    searchableAttributes: ['labelIt', 'labelEn'],
    filterableAttributes: ['skillType', 'reuseLevel'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  };

  it('accepts current settings that hold every wanted value, ignoring keys it does not own', () => {
    const actual = {
      searchableAttributes: ['labelIt', 'labelEn'],
      filterableAttributes: ['reuseLevel', 'skillType'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [] },
      stopWords: [],
    };
    expect(settingsCover(actual, wanted)).toBe(true);
  });

  it('treats the order of searchable attributes as meaningful', () => {
    expect(settingsCover({ ...wanted, searchableAttributes: ['labelEn', 'labelIt'] }, wanted)).toBe(false);
  });

  it('notices a changed nested value or a missing attribute', () => {
    expect(settingsCover({ ...wanted, typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } } }, wanted)).toBe(false);
    expect(settingsCover({ ...wanted, filterableAttributes: ['skillType'] }, wanted)).toBe(false);
    expect(settingsCover({ ...wanted, searchableAttributes: ['*'] }, wanted)).toBe(false);
  });
});
