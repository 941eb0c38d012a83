import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pollingSubscription } from './polling-subscription';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../errors';
import { AppendResult, EventStore, EventToAppend, ExpectedVersion, RecordedEvent } from '../event-store';

interface EventRow {
  position: number;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    stream_version INTEGER NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    type           TEXT    NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    UNIQUE (stream_id, stream_version)
  );
`;

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /**
   * `FULL` (default): an append is on disk when it returns. `NORMAL` survives a crash of the
   * process but may lose the last appends on power loss: for bulk imports and benchmarks only.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

/**
 * The embedded event store: one SQLite file in WAL mode. Each append is one IMMEDIATE
 * transaction, so writers (also in other processes) are serialised and positions are
 * committed in order; `synchronous=FULL` makes an append durable when it returns.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly statements;
  private readonly appendInTransaction;

  constructor(
    path: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      streamVersion: this.db
        .prepare<[string], { version: number | null }>('SELECT MAX(stream_version) AS version FROM events WHERE stream_id = ?'),
      byEventId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata)
         VALUES (@streamId, @streamVersion, @eventId, @type, @data, @metadata)`,
      ),
      readStream: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream_id = ? ORDER BY stream_version'),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    this.appendInTransaction = this.db.transaction(
      (streamId: string, events: EventToAppend[], expected: ExpectedVersion) => this.write(streamId, events, expected),
    );
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult> {
    const result = this.appendInTransaction.immediate(streamId, events, expected);
    this.appended.emit('appended');
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(streamId).map(toRecorded);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    return this.statements.readAll.all(after, limit).map(toRecorded);
  }

  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void) {
    return pollingSubscription(this, this.appended, after, onEvent, this.options.pollIntervalMs ?? 100);
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.position ?? 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private write(streamId: string, events: EventToAppend[], expected: ExpectedVersion): AppendResult {
    const retried = this.previousAppend(streamId, events);
    if (retried) return retried;

    const current = this.statements.streamVersion.get(streamId)?.version ?? 0;
    const expectedVersion = expected === 'no-stream' ? 0 : expected;
    if (expectedVersion !== 'any' && expectedVersion !== current) {
      throw new WrongExpectedVersionError(streamId, expected, current);
    }
    let position = 0;
    events.forEach((event, index) => {
      const { lastInsertRowid } = this.statements.insert.run({
        streamId,
        streamVersion: current + index + 1,
        eventId: event.eventId,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
      });
      position = Number(lastInsertRowid);
    });
    return { streamVersion: current + events.length, position };
  }

  /** The result of an earlier append of exactly these events, if this is a retry of it. */
  private previousAppend(streamId: string, events: EventToAppend[]): AppendResult | null {
    const found = events.map((event) => this.statements.byEventId.get(event.eventId));
    if (found.every((row) => row === undefined)) return null;
    const sameAppend = found.every(
      (row, i) => row?.stream_id === streamId && row.stream_version === found[0]!.stream_version + i,
    );
    if (!sameAppend) throw new DuplicateEventIdError(events[found.findIndex((row) => row !== undefined)]!.eventId);
    const last = found[found.length - 1]!;
    return { streamVersion: last.stream_version, position: last.position };
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    position: row.position,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  };
}
