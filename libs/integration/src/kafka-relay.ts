import { Admin, Kafka, logLevel, Message, Producer, TopicMessages } from 'kafkajs';
import { Kysely } from 'kysely';
import { EventStore, RecordedEvent } from '@pathway/event-store';
import { advanceCheckpoint, CheckpointMovedError, ensureCheckpoint, readCheckpoint, ReadModelSchema } from '@pathway/read-models';
import { PARTICIPANT_MILESTONES_TOPIC, toParticipantMilestone } from './contracts/participant-milestone.v1';
import { INDICATOR_REPORTS_TOPIC, toIndicatorReportPublished } from './contracts/indicator-report.v1';

export const RELAY_CHECKPOINT = 'kafka-relay';

export interface KafkaRelayOptions {
  brokers: string[];
  clientId: string;
  partitions: number;
  replicationFactor: number;
  batchSize?: number;
  /** The contract's topic names unless given (tests use names of their own). */
  topics?: { milestones: string; reports: string };
}

/**
 * Publishes integration events from the global log, in order, at least once: a batch is sent
 * with an idempotent producer and acknowledged by all in-sync replicas before the checkpoint
 * moves. After a crash the batch since the checkpoint is sent again; consumers drop
 * duplicates by the `event-id` header. A participant's messages share a key, so a partition.
 */
export class KafkaRelay {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private readonly batchSize: number;
  private readonly topics: { milestones: string; reports: string };

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<ReadModelSchema>,
    private readonly options: KafkaRelayOptions,
  ) {
    this.kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, logLevel: logLevel.NOTHING });
    this.batchSize = options.batchSize ?? 1000;
    this.topics = options.topics ?? { milestones: PARTICIPANT_MILESTONES_TOPIC, reports: INDICATOR_REPORTS_TOPIC };
  }

  /** Creates the topics that are missing and connects the producer. */
  async connect(): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [this.topics.milestones, this.topics.reports].map((topic) => ({
          topic,
          numPartitions: this.options.partitions,
          replicationFactor: this.options.replicationFactor,
        })),
      });
    } finally {
      await admin.disconnect();
    }
    await ensureCheckpoint(this.db, RELAY_CHECKPOINT);
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = null;
  }

  /**
   * Publishes the events after the checkpoint, a batch at a time; answers how many were read.
   * Pipelined: while one batch is on the wire, the next is read from the log and translated, and
   * the checkpoint of the batch before is written once its own send was acknowledged. Sends
   * stay one after another (one request in flight), so a participant's messages keep their
   * order; the checkpoint never passes an event the broker has not acknowledged, so a crash
   * resends from it (at least once, as before: consumers drop duplicates by `event-id`).
   */
  async catchUp(): Promise<number> {
    if (!this.producer) await this.connect();
    let from = (await readCheckpoint(this.db, RELAY_CHECKPOINT)) ?? 0;
    let batch = await this.prepare(from);
    let relayed = 0;
    let checkpoint: Promise<boolean> = Promise.resolve(true);
    while (batch.count > 0) {
      const to = batch.last;
      const sent = this.send(batch.topicMessages);
      let next: PreparedBatch;
      try {
        // Let kafkajs encode and write the request first (its steps are promise continuations):
        // reading the next batch synchronously before that held the request back from the broker.
        await new Promise((resolve) => setImmediate(resolve));
        next = await this.prepare(to);
        await sent;
        // Another relay moved the checkpoint: stop here, the next call goes on from where it is.
        if (!(await checkpoint)) return relayed;
      } catch (error) {
        // Whatever failed first is the answer; the other promises must not reject unheard.
        await Promise.allSettled([sent, checkpoint]);
        throw error;
      }
      checkpoint = this.advance(from, to); // only now: every event up to `to` is acknowledged
      relayed += batch.count;
      from = to;
      batch = next;
    }
    await checkpoint;
    return relayed;
  }

  /** One batch from the checkpoint: read, sent, acknowledged, then the checkpoint moved. */
  async step(): Promise<number> {
    if (!this.producer) await this.connect();
    const from = (await readCheckpoint(this.db, RELAY_CHECKPOINT)) ?? 0;
    const { count, last, topicMessages } = await this.prepare(from);
    if (count === 0) return 0;
    await this.send(topicMessages);
    await this.advance(from, last);
    return count;
  }

  private async prepare(after: number): Promise<PreparedBatch> {
    const events = await this.store.readAll(after, this.batchSize);
    return { count: events.length, last: events.at(-1)?.position ?? after, topicMessages: topicMessagesOf(events, this.topics) };
  }

  private async send(topicMessages: TopicMessages[]): Promise<void> {
    if (topicMessages.length > 0) await this.producer!.sendBatch({ topicMessages, acks: -1 });
  }

  /**
   * Moves the checkpoint from `from` to `to`; false if another relay moved it first (no error:
   * it sent the same events, and the broker holds them at least once).
   */
  private async advance(from: number, to: number): Promise<boolean> {
    try {
      await this.db.transaction().execute((trx) => advanceCheckpoint(trx, RELAY_CHECKPOINT, from, to));
      return true;
    } catch (error) {
      if (!(error instanceof CheckpointMovedError)) throw error;
      return false;
    }
  }
}

/**
 * A batch ready to send: its messages, and of its events only how many and the last position.
 * The events themselves (parsed payloads and metadata) are not kept while the batch is on the
 * wire: dropped at once, they die young, where held until the acknowledgement the garbage
 * collector copied them between generations.
 */
interface PreparedBatch {
  count: number;
  /** The position of the batch's last event (the checkpoint once it is acknowledged). */
  last: number;
  topicMessages: TopicMessages[];
}

function topicMessagesOf(events: RecordedEvent[], topics: { milestones: string; reports: string }): TopicMessages[] {
  const milestones: Message[] = [];
  const reports: Message[] = [];
  for (const event of events) {
    const headers = {
      'event-id': event.eventId,
      'event-type': event.type,
      'schema-version': '1',
      position: String(event.position),
    };
    const milestone = toParticipantMilestone(event);
    if (milestone) milestones.push({ key: milestone.participantId, value: JSON.stringify(milestone), headers });
    const report = toIndicatorReportPublished(event);
    if (report) reports.push({ key: report.projectId, value: JSON.stringify(report), headers });
  }
  return [
    { topic: topics.milestones, messages: milestones },
    { topic: topics.reports, messages: reports },
  ].filter((t) => t.messages.length > 0);
}
