/**
 * Why two participants of a project are likely the same person, most certain first:
 * - `same-identity-number`: their national identity numbers have the same blind index (the
 *   normalised number under the installation's key, `blindIndex`), so "19900101-2389" and
 *   "900101-2389" match;
 * - `same-birth-date-and-name`: the same birth date in the entry profile and the same name once
 *   folded by `foldName`.
 */
export const LIKELY_DUPLICATE_REASONS = ['same-identity-number', 'same-birth-date-and-name'] as const;
export type LikelyDuplicateReason = (typeof LIKELY_DUPLICATE_REASONS)[number];

/** Two participants who are likely one person, with every reason found; ids pseudonymous, in order. */
export interface LikelyDuplicate {
  participantIds: [string, string];
  reasons: LikelyDuplicateReason[];
}

/** Participants who share something, and what. */
export interface SharedGroup {
  reason: LikelyDuplicateReason;
  participantIds: readonly string[];
}

/**
 * A name as compared for duplicates: Unicode-decomposed with the combining marks dropped ("Åsa
 * Östlund" as "asa ostlund"), lower case, hyphens, apostrophes, dots and commas read as spaces
 * ("Anna-Karin" as "Anna Karin"), runs of space as one, and the words in alphabetical order, so
 * "Nilsson, Sara" matches "Sara Nilsson". Spelling variants ("Mohammed", "Muhammad") stay apart:
 * the identity number catches those. Empty for a name of no letters or digits.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐‑–—'’.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Groups of participants with the same birth date and folded name (`foldName`); a participant
 * without a name (none recorded, erased, not opened) is in none.
 */
export function sameBirthDateAndName(people: Iterable<{ participantId: string; birthDate: string; name: string | null }>): SharedGroup[] {
  const groups = new Map<string, string[]>();
  for (const { participantId, birthDate, name } of people) {
    const folded = name === null ? '' : foldName(name);
    if (!folded) continue;
    const key = `${birthDate}\u0000${folded}`;
    groups.set(key, [...(groups.get(key) ?? []), participantId]);
  }
  return [...groups.values()].filter((ids) => ids.length > 1).map((participantIds) => ({ reason: 'same-birth-date-and-name', participantIds }));
}

/**
 * The likely duplicates of a project: every pair within each group (of `participantIds`, only
 * those in `among`: the project's participants not withdrawn, so a pair is gone once one of it is
 * withdrawn), one item per pair with each reason found once, in `LIKELY_DUPLICATE_REASONS` order.
 * Sorted by the first id, then the second. A group of n gives n(n-1)/2 pairs: a person enrolled
 * three times shows as three pairs, each resolved by a withdrawal.
 */
export function likelyDuplicates(groups: Iterable<SharedGroup>, among: ReadonlySet<string>): LikelyDuplicate[] {
  const pairs = new Map<string, LikelyDuplicate>();
  for (const { reason, participantIds } of groups) {
    const ids = [...new Set(participantIds.filter((id) => among.has(id)))].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const pair = pairs.get(key) ?? { participantIds: [ids[i]!, ids[j]!], reasons: [] };
        if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
        pairs.set(key, pair);
      }
    }
  }
  const rank = (r: LikelyDuplicateReason) => LIKELY_DUPLICATE_REASONS.indexOf(r);
  return [...pairs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, pair]) => ({ ...pair, reasons: pair.reasons.sort((a, b) => rank(a) - rank(b)) }));
}
