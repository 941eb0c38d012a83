import { foldName, likelyDuplicates, sameBirthDateAndName } from './likely-duplicates';

describe('foldName', () => {
  it('ignores case, diacritics, spacing, hyphens and word order', () => {
    expect(foldName('  Åsa   ÖSTLUND ')).toBe('asa ostlund');
    expect(foldName('Östlund, Åsa')).toBe(foldName('asa ostlund'));
    expect(foldName('Anna-Karin Nilsson')).toBe(foldName('anna karin nilsson'));
    expect(foldName("O’Brien")).toBe(foldName("o'brien"));
    expect(foldName('Zoë')).toBe('zoe');
  });

  it('keeps different spellings apart and folds a name of no letters to nothing', () => {
    expect(foldName('Mohammed Ali')).not.toBe(foldName('Muhammad Ali'));
    expect(foldName(' - ')).toBe('');
  });
});

describe('sameBirthDateAndName', () => {
  it('groups the same folded name born the same day, and leaves out the nameless', () => {
    const groups = sameBirthDateAndName([
      { participantId: 'p-1', birthDate: '2003-08-14', name: 'Sara Nilsson' },
      { participantId: 'p-2', birthDate: '2003-08-14', name: 'sara  nilsson' },
      { participantId: 'p-3', birthDate: '2003-08-15', name: 'Sara Nilsson' },
      { participantId: 'p-4', birthDate: '2003-08-14', name: null },
      { participantId: 'p-5', birthDate: '2003-08-14', name: null },
      { participantId: 'p-6', birthDate: '2003-08-14', name: 'Sara Nilsén' },
    ]);
    expect(groups).toEqual([{ reason: 'same-birth-date-and-name', participantIds: ['p-1', 'p-2'] }]);
  });
});

describe('likelyDuplicates', () => {
  const among = new Set(['p-1', 'p-2', 'p-3', 'p-4']);

  it('makes one pair per two participants, with every reason once, most certain first', () => {
    expect(
      likelyDuplicates(
        [
          { reason: 'same-birth-date-and-name', participantIds: ['p-2', 'p-1'] },
          { reason: 'same-identity-number', participantIds: ['p-1', 'p-2'] },
          { reason: 'same-identity-number', participantIds: ['p-4', 'p-3', 'p-1'] },
        ],
        among,
      ),
    ).toEqual([
      { participantIds: ['p-1', 'p-2'], reasons: ['same-identity-number', 'same-birth-date-and-name'] },
      { participantIds: ['p-1', 'p-3'], reasons: ['same-identity-number'] },
      { participantIds: ['p-1', 'p-4'], reasons: ['same-identity-number'] },
      { participantIds: ['p-3', 'p-4'], reasons: ['same-identity-number'] },
    ]);
  });

  it('leaves out participants not among those given (withdrawn, another project): a resolved pair is gone', () => {
    expect(likelyDuplicates([{ reason: 'same-identity-number', participantIds: ['p-1', 'p-9'] }], among)).toEqual([]);
    expect(likelyDuplicates([{ reason: 'same-identity-number', participantIds: ['p-1', 'p-2', 'p-9'] }], among)).toEqual([
      { participantIds: ['p-1', 'p-2'], reasons: ['same-identity-number'] },
    ]);
  });
});
