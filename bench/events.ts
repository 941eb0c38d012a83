import { randomUUID } from 'node:crypto';
import { EventToAppend } from '@pathway/event-store';

const STREAM_PREFIX = 'participant-';

export function newStreamId(): string {
  return `${STREAM_PREFIX}${randomUUID()}`;
}

/**
 * A QualificationGained event as the app records it for the participant whose stream this
 * is: about 330 bytes of data and metadata JSON, the size of the rows production writes.
 */
export function milestoneEvent(streamId: string): EventToAppend {
  const participantId = streamId.startsWith(STREAM_PREFIX) ? streamId.slice(STREAM_PREFIX.length) : streamId;
  const correlationId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'QualificationGained',
    data: { participantId, occurredOn: '2024-07-01', qualification: 'Forklift B', iscedLevel: null },
    metadata: {
      recordedAt: new Date().toISOString(),
      actor: 'anna.k',
      actorRole: 'caseworker',
      correlationId,
      causationId: correlationId,
      projectId: '22-015-S01',
      schemaVersion: 1,
    },
  };
}

export function milestoneEvents(streamId: string, count: number): EventToAppend[] {
  return Array.from({ length: count }, () => milestoneEvent(streamId));
}

/** Bytes of data plus metadata JSON, kept with the results so the row size is on record. */
export function payloadBytes(event: EventToAppend): number {
  return Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
}
