import { Pathway } from '../api/client';
import { en, MessageId } from '../i18n/messages.en';
import { EVENT_TYPE_OF, MilestoneType } from './milestone-types';

/** The caseworker's word for an event type (`JobPlaced`) or a milestone type (`job-placed`). */
export function eventLabel(type: string): MessageId {
  const eventType = Object.hasOwn(EVENT_TYPE_OF, type) ? EVENT_TYPE_OF[type as MilestoneType] : type;
  const id = `milestone.${eventType}`;
  return Object.hasOwn(en, id) ? (id as MessageId) : 'milestone.other';
}

/** The name of an intervention kind (`ips`). */
export function kindLabel(kind: unknown): MessageId {
  const id = `option.kind.${String(kind)}`;
  return Object.hasOwn(en, id) ? (id as MessageId) : 'option.kind.other';
}

/**
 * Activities started and not ended, as the timeline shows them (retracted records left out), to
 * choose from when recording that one ended. Only a list to pick from: the API decides.
 */
export function openInterventions(pathway: Pathway): Array<{ interventionId: string; startedOn: string; kindLabel: MessageId }> {
  const standing = pathway.timeline.filter((m) => !m.retracted);
  const ended = new Set(standing.filter((m) => m.type === 'InterventionEnded').map((m) => String(m.details.interventionId)));
  return standing
    .filter((m) => m.type === 'InterventionStarted' && !ended.has(String(m.details.interventionId)))
    .map((m) => ({ interventionId: String(m.details.interventionId), startedOn: m.occurredOn, kindLabel: kindLabel(m.details.kind) }));
}

/**
 * The answers worth seeing at a glance beside a milestone (the activity, the situation on leaving,
 * the kind of job), as catalogue keys with their values; free text (a qualification) is left out.
 */
export function milestoneDetails(type: string, details: Record<string, unknown>): Array<{ label: MessageId; value: MessageId }> {
  const option = (prefix: string, value: unknown): MessageId | null => {
    const id = `option.${prefix}.${String(value)}`;
    return Object.hasOwn(en, id) ? (id as MessageId) : null;
  };
  const pairs: Array<[MessageId, MessageId | null]> =
    type === 'InterventionStarted' ? [['detail.kind', option('kind', details.kind)]]
    : type === 'InterventionEnded' ? [['detail.outcome', option('outcome', details.outcome)]]
    : type === 'ParticipantExited' ? [['detail.reason', option('reason', details.reason)], ['detail.situation', option('situation', details.situation)]]
    : type === 'FollowUpRecorded' ? [['detail.followUpSituation', option('situation', details.situation)]]
    : type === 'JobPlaced' ? [['detail.employment', option('employment', details.employment)], ['detail.contract', option('contract', details.contract)]]
    : type === 'EducationEntered' ? [['detail.programme', option('programme', details.programme)]]
    : type === 'SchoolCompleted' ? [['detail.level', option('level', details.level)]]
    : [];
  return pairs.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}
