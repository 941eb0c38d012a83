import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Admin, Kafka, logLevel, Message } from 'kafkajs';
import { EventStore, SqliteEventStore } from '@pathway/event-store';
import { KafkaRelay } from '@pathway/integration';
import { ensureSchema, openReadModelDb } from '@pathway/read-models';
import { REPORT_PROJECT, sharedDemoLog } from './demo-log';
import { localBroker } from './kafka-broker';
import { perSecond, progress, scaled, tempDir } from './measure';
import { Measurement } from './report';

const BATCH_SIZES = [1_000, 5_000];
const PARTITIONS = 6;
const TARGET = { op: '>=', value: 20_000 } as const;

/**
 * The Kafka relay publishing the first 200,000 events of the cached demo log (nearly all of them
 * milestones, about 330 bytes each) to the local broker, against a bare kafkajs producer sending
 * as many pre-built messages of that size in the same batches, with the same settings (idempotent,
 * acks -1): the broker and client alone, so the most the relay could do here.
 */
export async function kafkaRelay(): Promise<Measurement[]> {
  const broker = await localBroker();
  if ('error' in broker) {
    return BATCH_SIZES.map((n) => ({ name: rowName(n), value: NaN, unit: 'events/s', note: `not measured: no broker (${broker.error})` }));
  }
  const store = new SqliteEventStore(await sharedDemoLog());
  const kafka = new Kafka({ clientId: 'pathway-bench', brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const dir = tempDir('relay');
  const topics: string[] = [];
  try {
    await admin.connect();
    const count = Math.min(scaled(200_000), await store.headPosition());
    const prefix = firstEvents(store, count);
    // Read once untimed, so the first batch size does not pay alone for a cold page cache.
    for (let after = 0; after < count; after += 5_000) await prefix.readAll(after, 5_000);
    const messages = prebuilt(count);
    const rows: Measurement[] = [];
    for (const batchSize of BATCH_SIZES) {
      progress(`${count.toLocaleString('en-US')} events in batches of ${batchSize.toLocaleString('en-US')}: bare producer, then the relay`);
      const bare = await bareProducer(kafka, admin, messages, batchSize, topics);
      const names = { milestones: `bench.milestones.${randomUUID()}`, reports: `bench.reports.${randomUUID()}` };
      topics.push(names.milestones, names.reports);
      // A fresh read-model file, so the relay's checkpoint starts at 0.
      const rm = openReadModelDb({ engine: 'sqlite', file: join(dir.path, `rm-${batchSize}.db`) });
      const relay = new KafkaRelay(prefix, rm.db, { brokers: broker.brokers, clientId: 'pathway-bench', partitions: PARTITIONS, replicationFactor: 1, batchSize, topics: names });
      try {
        await ensureSchema(rm.db);
        await relay.connect(); // creates the topics and fetches a producer id: set-up, not timed
        const cpu = process.cpuUsage();
        const start = performance.now();
        const relayed = await relay.catchUp();
        const ms = performance.now() - start;
        const cpuMs = cpuMsSince(cpu);
        const sent = (await offsets(admin, names.milestones)) + (await offsets(admin, names.reports));
        rows.push({
          name: rowName(batchSize),
          value: perSecond(relayed, ms),
          unit: 'events/s',
          baseline: { label: `bare kafkajs producer, pre-built messages, ${batchSize.toLocaleString('en-US')}/batch`, value: perSecond(count, bare.ms) },
          target: TARGET,
          details: { events: relayed, messagesOnTopics: sent, seconds: ms / 1000, baselineSeconds: bare.ms / 1000, baselineMessageBytes: bare.bytes, partitions: PARTITIONS, broker: broker.brokers[0] },
        });
        // What the relay's own work costs, whatever else the machine runs: the broker's CPU is not in it.
        rows.push({
          name: `${rowName(batchSize)}, per CPU-second of this process`,
          value: perSecond(relayed, cpuMs),
          unit: 'events/CPU-s',
          baseline: { label: 'the bare producer per CPU-second, same run', value: perSecond(count, bare.cpuMs) },
        });
      } finally {
        await relay.disconnect();
        await rm.db.destroy();
      }
    }
    return rows;
  } finally {
    // Only the topics that were created: deleting a missing one fails the whole request.
    const existing = new Set(await admin.listTopics());
    const ours = topics.filter((t) => existing.has(t));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
    await admin.disconnect();
    await store.close();
    dir.remove();
    await broker.stop();
  }
}

const rowName = (batchSize: number) => `relay: Kafka relay, batches of ${batchSize.toLocaleString('en-US')}`;

/** The log's first `last` positions, so `catchUp()` stops there as it would at the head of a log that long. */
function firstEvents(store: EventStore, last: number): EventStore {
  return {
    append: () => Promise.reject(new Error('the bench log is read-only')),
    readStream: (streamId) => store.readStream(streamId),
    readAll: async (after, limit) => (after >= last ? [] : (await store.readAll(after, Math.min(limit, last - after))).filter((e) => e.position <= last)),
    subscribe: (after, onEvent) => store.subscribe(after, onEvent),
    headPosition: async () => Math.min(last, await store.headPosition()),
    cutOffAt: async (instant) => Math.min(last, await store.cutOffAt(instant)),
    close: async () => undefined, // the caller closes the real store
  };
}

/** Milestone-shaped messages (key, headers, a JSON value of about 320 bytes, as the real ones average 328), made before the clock starts. */
function prebuilt(count: number): Message[] {
  return Array.from({ length: count }, (_, i) => {
    const participantId = `${REPORT_PROJECT}-p${i % 100_000}`;
    const eventId = randomUUID();
    const recordedAt = new Date(Date.UTC(2021, 2, 4) + i * 1_000).toISOString();
    const value = JSON.stringify({ schema: 'pathway.participant-milestone.v1', eventId, projectId: REPORT_PROJECT, recordedAt, retractedEventId: null, participantId, milestone: 'enrolled', occurredOn: recordedAt.slice(0, 10), codes: { EECO01: 1, EECO02: 1, EECR01: 1 } });
    return { key: participantId, value, headers: { 'event-id': eventId, 'event-type': 'ParticipantEnrolled', 'schema-version': '1', position: String(i + 1) } };
  });
}

/** The same producer settings as the relay's; a topic of its own with as many partitions. */
async function bareProducer(kafka: Kafka, admin: Admin, messages: Message[], batchSize: number, topics: string[]) {
  const topic = `bench.baseline.${randomUUID()}`;
  topics.push(topic);
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
  const batches: Message[][] = [];
  for (let i = 0; i < messages.length; i += batchSize) batches.push(messages.slice(i, i + batchSize));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const batch of batches) await producer.sendBatch({ topicMessages: [{ topic, messages: batch }], acks: -1 });
    const ms = performance.now() - start;
    return { ms, cpuMs: cpuMsSince(cpu), bytes: Math.round(messages.reduce((sum, m) => sum + String(m.value).length, 0) / messages.length) };
  } finally {
    await producer.disconnect();
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Messages on a topic (the sum of its partitions' end offsets): what the relay really sent. */
async function offsets(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
}
