import { foldForSearch, nameMatches } from './participant-names';

describe('name search', () => {
  it('folds case and diacritics, so a caseworker without Swedish keys finds Åsa Östlund', () => {
    expect(foldForSearch('Åsa Östlund-Ægir')).toBe('asa ostlund-ægir');
    expect(nameMatches('Åsa Östlund', 'asa')).toBe(true);
    expect(nameMatches('Åsa Östlund', 'ÖSTL')).toBe(true);
  });

  it('needs every word, in any order, and nothing for an empty query but a match', () => {
    expect(nameMatches('Anna Maria Åström', 'astrom anna')).toBe(true);
    expect(nameMatches('Anna Maria Åström', 'anna berg')).toBe(false);
    expect(nameMatches('Anna', '   ')).toBe(true);
  });
});
