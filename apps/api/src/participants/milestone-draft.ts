import { Milestone, SealedText } from '@pathway/domain';

type Qualification = Extract<Milestone, { type: 'qualification-gained' }>;

/**
 * A milestone as typed at the edge: its free text (a qualification's name) still in clear. It
 * becomes a `Milestone` only once the text is sealed with the participant's key, so clear text
 * cannot reach the decider or the log by type.
 */
export type MilestoneDraft = Exclude<Milestone, Qualification> | (Omit<Qualification, 'qualification'> & { qualification: string });

/** The draft's free text, or null when the milestone has none (no key is looked up then). */
export const freeTextOf = (draft: MilestoneDraft): string | null => (draft.type === 'qualification-gained' ? draft.qualification : null);

/** The milestone with its free text replaced by the sealed text (`sealed` is ignored for one without). */
export const sealedMilestone = (draft: MilestoneDraft, sealed: SealedText): Milestone =>
  draft.type === 'qualification-gained' ? { ...draft, qualification: sealed } : draft;
