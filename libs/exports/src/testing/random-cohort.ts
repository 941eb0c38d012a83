import { EDUCATION_LEVELS, EXIT_REASONS, LABOUR_MARKET_STATUSES, SITUATIONS } from '@pathway/domain';
import type { ParticipantOutcome } from '@pathway/indicators';

/** Mulberry32: a small seeded generator, so a failing cohort can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A cohort of `size` participants with skewed answers, so small cells are common: few non-binary
 * or undisclosed genders, rare statuses, some answers not disclosed, about half exited.
 */
export function randomCohort(random: () => number, size: number): ParticipantOutcome[] {
  const pick = <T>(values: readonly T[], weights: number[]): T => {
    let r = random() * weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < values.length; i++) { r -= weights[i]!; if (r < 0) return values[i]!; }
    return values[values.length - 1]!;
  };
  const maybe = (p: number) => random() < p;
  const answer = (yes: number, missing: number) => (maybe(missing) ? null : maybe(yes));
  return Array.from({ length: size }, (_, i): ParticipantOutcome => {
    const exited = maybe(0.55);
    const situation = exited ? pick(SITUATIONS, [5, 1, 3, 3, 1, 2]) : null;
    const placedOn = maybe(0.3) ? '2025-06-01' : null;
    const followUp = exited && maybe(0.5) ? pick(SITUATIONS, [3, 1, 1, 2, 1, 1]) : null;
    return {
      participantId: `p-${i}`,
      projectId: 'audit',
      gender: pick(['woman', 'man', 'non-binary', null] as const, [10, 10, 1, 1]),
      labourMarketStatus: pick(LABOUR_MARKET_STATUSES, [6, 4, 3, 2, 1]),
      inEducationOrTraining: answer(0.2, 0.1),
      educationLevel: maybe(0.12) ? null : pick(EDUCATION_LEVELS, [5, 4, 2]),
      disability: answer(0.2, 0.15),
      thirdCountryNational: answer(0.15, 0.1),
      foreignBackground: answer(0.35, 0.1),
      minority: answer(0.1, 0.3),
      homeless: answer(0.08, 0.2),
      ruralArea: answer(0.2, 0.1),
      firstEnrolledOn: '2024-01-15',
      ageAtEntry: maybe(0.08) ? null : pick([16, 22, 40, 58], [1, 4, 5, 1]),
      status: exited ? 'exited' : 'active',
      lastEntryOn: '2024-01-15',
      lastExitOn: exited ? '2025-03-01' : null,
      exitReason: exited ? pick(EXIT_REASONS, [6, 2, 1, 1]) : null,
      exitSituation: situation,
      leavingJobSearching: exited ? situation === 'job-searching' || maybe(0.1) : null,
      leavingInEducation: exited ? situation === 'in-education-or-training' : null,
      leavingEmployed: exited ? situation === 'employed' || situation === 'self-employed' || maybe(0.1) : null,
      leavingQualified: exited ? maybe(0.3) : null,
      sixMonthPointOn: exited ? '2025-09-01' : null,
      followUpSituation: followUp,
      followUpImproved: followUp === null ? null : maybe(0.3),
      schoolCompleted: maybe(0.3),
      firstPlacementOn: placedOn,
      daysToFirstPlacement: placedOn === null ? null : 100 + Math.floor(random() * 300),
    };
  });
}
