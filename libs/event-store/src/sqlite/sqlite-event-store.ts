import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pollingSubscription } from './polling-subscription';
import { instantToMicros, microsToInstant } from '../commit-time';
import { retryWhileBusy, SQLITE_BUSY_TIMEOUT_MS } from '../storage/retry-while-busy';
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
  committed_at: number;
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
    committed_at   INTEGER NOT NULL,
    UNIQUE (stream_id, stream_version)
  );
  CREATE TABLE IF NOT EXISTS commit_clock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    last_us INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO commit_clock (id, last_us) VALUES (1, 0);
`;

/** One append of a batch (see `SqliteEventStore.appendBatch`). */
export interface StreamAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedVersion;
}

/** An append waiting for the next group commit, with the caller's promise to settle. */
interface QueuedAppend extends StreamAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** What one append of a group came to: its result, or the refusal that was its alone. */
type GroupOutcome = { result: AppendResult } | { refused: WrongExpectedVersionError | DuplicateEventIdError };

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /**
   * `FULL` (default): an append is on disk when it returns. `NORMAL` survives a crash of the
   * process but may lose the last appends on power loss: for bulk imports and benchmarks only.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** The clock commits are stamped by (milliseconds since the epoch); tests give a skewed one. */
  clock?: () => number;
}

/**
 * The embedded event store: one SQLite file in WAL mode. Appends are written in IMMEDIATE
 * transactions, so writers (also in other processes) are serialised and positions are
 * committed in order; `synchronous=FULL` makes an append durable when it returns.
 *
 * Group commit: `synchronous=FULL` costs one fsync per transaction, and under concurrent load
 * that fsync, not the SQL, bounded the write rate. Appends that arrive in the same turn of the
 * event loop are therefore committed together, in one transaction with a savepoint each: every
 * append is still checked against its own expected version and answered on its own (a refused
 * one is rolled back to its savepoint and fails alone), and none is answered before the
 * transaction holding it is on disk. A storage failure fails the whole group, writing nothing.
 *
 * Commit times: the append transaction stamps its events one microsecond after the last stamp
 * (`commit_clock`) at the earliest, else at their recording time capped by the writer's clock
 * (`commitStamp`), so stamps rise with positions even when processes sharing the file have
 * different clocks. `cutOffAt(K)` raises that clock to K, so once a report has counted to K no
 * later append can be stamped at or before K.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly statements;
  private readonly appendInTransaction;
  private readonly appendAllInTransaction;
  private readonly commitGroup;
  private queued: QueuedAppend[] = [];
  private readonly raiseCommitClock;
  private readonly lastCommittedBy;

  constructor(
    path: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`); // longer waits happen in retryWhileBusy, off the event loop
    this.db.exec(SCHEMA);
    addCommitTimes(this.db);
    this.statements = {
      streamVersion: this.db
        .prepare<[string], { version: number | null }>('SELECT MAX(stream_version) AS version FROM events WHERE stream_id = ?'),
      byEventId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      // Positional parameters: binding an object of named ones cost a bulk writer a tenth of its inserts.
      insert: this.db.prepare<[string, number, string, string, string, string, number]>(
        `INSERT INTO events (stream_id, stream_version, event_id, type, data, metadata, committed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      commitClock: this.db.prepare<[], { last_us: number }>('SELECT last_us FROM commit_clock WHERE id = 1'),
      setCommitClock: this.db.prepare<[number]>('UPDATE commit_clock SET last_us = MAX(last_us, ?) WHERE id = 1'),
      firstFrom: this.db.prepare<[number], Pick<EventRow, 'position' | 'committed_at'>>(
        'SELECT position, committed_at FROM events WHERE position >= ? ORDER BY position LIMIT 1',
      ),
      readStream: this.db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version',
      ),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    this.appendInTransaction = this.db.transaction(
      (streamId: string, events: EventToAppend[], expected: ExpectedVersion) => this.write(streamId, events, expected),
    );
    this.appendAllInTransaction = this.db.transaction((appends: StreamAppend[]) => this.writeBatch(appends));
    // Nested in `commitGroup`'s transaction, `appendInTransaction` runs in a savepoint of its own.
    this.commitGroup = this.db.transaction((group: StreamAppend[]) =>
      group.map(({ streamId, events, expected }): GroupOutcome => {
        try {
          return { result: this.appendInTransaction(streamId, events, expected) };
        } catch (error) {
          if (error instanceof WrongExpectedVersionError || error instanceof DuplicateEventIdError) return { refused: error };
          throw error; // a storage failure: the group is rolled back whole
        }
      }),
    );
    this.raiseCommitClock = this.db.transaction((micros: number) => this.statements.setCommitClock.run(micros));
    this.lastCommittedBy = this.db.transaction((micros: number) => this.lastPositionCommittedBy(micros));
  }

  append(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => void this.commitQueued());
      this.queued.push({ streamId, events, expected, resolve, reject });
    });
  }

  /** Commits every append queued since the last group (see the class comment) and answers each. */
  private async commitQueued(): Promise<void> {
    const group = this.queued;
    this.queued = [];
    if (group.length === 0) return; // `close` committed it already
    let outcomes: GroupOutcome[];
    try {
      outcomes = await retryWhileBusy(() => this.commitGroup.immediate(group));
    } catch (error) {
      for (const append of group) append.reject(error);
      return;
    }
    this.appended.emit('appended');
    outcomes.forEach((outcome, i) => ('result' in outcome ? group[i]!.resolve(outcome.result) : group[i]!.reject(outcome.refused)));
  }

  /**
   * Several appends, in order, in one transaction: each checked against its own expected version
   * and stamped as if appended alone, so the log is the one the same appends made one by one
   * would write (positions, versions, commit times), without a commit each. All or nothing: the
   * first refused append (WrongExpectedVersionError, DuplicateEventIdError) rolls back the lot.
   * For bulk writers (the demo); an append's answer is at the same index of the result.
   */
  async appendBatch(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results = this.appendAllInTransaction.immediate(appends);
    this.appended.emit('appended');
    return results;
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    return (await retryWhileBusy(() => this.statements.readStream.all(streamId, afterVersion))).map(toRecorded);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    return (await retryWhileBusy(() => this.statements.readAll.all(after, limit))).map(toRecorded);
  }

  subscribe(after: number, onEvent: (event: RecordedEvent) => Promise<void> | void) {
    return pollingSubscription(this, this.appended, after, onEvent, this.options.pollIntervalMs ?? 100);
  }

  async headPosition(): Promise<number> {
    return (await retryWhileBusy(() => this.statements.head.get()))?.position ?? 0;
  }

  async cutOffAt(instant: string): Promise<number> {
    const micros = instantToMicros(instant);
    // Only a cut-off beyond every stamp so far needs a write: later appends are stamped after the last one anyway.
    if ((this.statements.commitClock.get()?.last_us ?? 0) < micros) await retryWhileBusy(() => this.raiseCommitClock.immediate(micros));
    return retryWhileBusy(() => this.lastCommittedBy.deferred(micros));
  }

  async close(): Promise<void> {
    await this.commitQueued();
    this.db.close();
  }

  /**
   * The last position stamped at or before `micros`, by binary search on positions: stamps
   * never decrease along the log, so no index is needed. Positions may have gaps (AUTOINCREMENT).
   */
  private lastPositionCommittedBy(micros: number): number {
    let low = 0; // an existing position committed by then, or 0
    let high = this.statements.head.get()?.position ?? 0; // nothing after this one can be
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      const row = this.statements.firstFrom.get(middle)!;
      if (row.committed_at <= micros) low = row.position;
      else high = middle - 1;
    }
    return low;
  }

  private write(streamId: string, events: EventToAppend[], expected: ExpectedVersion): AppendResult {
    const retried = this.previousAppend(streamId, events);
    if (retried) return retried;

    const current = this.checkedVersion(streamId, expected);
    const committedAt = this.commitStamp(events, this.statements.commitClock.get()?.last_us ?? 0);
    this.statements.setCommitClock.run(committedAt);
    return this.insert(streamId, current, events, committedAt);
  }

  /**
   * `write` for each append of a batch, with what the single append does once per append done
   * once per batch or only when needed: the commit clock is read once and written once (the
   * stamps are the ones appends one by one would get), and the retry lookup by event id runs only
   * when the version check or an insert says this may be a retry (`previousAppend` answers the
   * same, since a retry's events are already in the log). A throw rolls back the batch.
   */
  private writeBatch(appends: StreamAppend[]): AppendResult[] {
    let lastStamp = this.statements.commitClock.get()?.last_us ?? 0;
    const results = appends.map(({ streamId, events, expected }) => {
      let current: number;
      try {
        current = this.checkedVersion(streamId, expected);
      } catch (error) {
        const retried = this.previousAppend(streamId, events);
        if (retried) return retried;
        throw error;
      }
      const committedAt = this.commitStamp(events, lastStamp);
      try {
        const result = this.insert(streamId, current, events, committedAt);
        lastStamp = committedAt;
        return result;
      } catch (error) {
        // An event id already in the log: a retry under `any` (nothing of it was inserted), else a clash.
        // By code, not class: the native addon keeps the SqliteError class of whichever copy of the module loaded it first.
        if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
        const retried = this.previousAppend(streamId, events);
        if (retried) return retried;
        throw error;
      }
    });
    this.statements.setCommitClock.run(lastStamp);
    return results;
  }

  /** The stream's version, if it is the one expected. @throws WrongExpectedVersionError */
  private checkedVersion(streamId: string, expected: ExpectedVersion): number {
    const current = this.statements.streamVersion.get(streamId)?.version ?? 0;
    const expectedVersion = expected === 'no-stream' ? 0 : expected;
    if (expectedVersion !== 'any' && expectedVersion !== current) {
      throw new WrongExpectedVersionError(streamId, expected, current);
    }
    return current;
  }

  /** Inserts `events` as versions `current + 1`, ...; their last position and version. */
  private insert(streamId: string, current: number, events: EventToAppend[], committedAt: number): AppendResult {
    let position = 0;
    events.forEach((event, index) => {
      const { lastInsertRowid } = this.statements.insert.run(
        streamId,
        current + index + 1,
        event.eventId,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        committedAt,
      );
      position = Number(lastInsertRowid);
    });
    return { streamVersion: current + events.length, position };
  }

  /**
   * The commit time of an append, in microseconds: after the last stamp `lastStamp` (and so after
   * every cut-off already answered), and otherwise the time the events say they were recorded
   * (`metadata.recordedAt`) but never later than this process's clock. Live appends are
   * recorded now, so they get now; the demo or an import replaying history in order keeps its
   * recording times, so reports "as known on" a past date count it as they would have then.
   */
  private commitStamp(events: EventToAppend[], lastStamp: number): number {
    const now = Math.floor((this.options.clock ?? Date.now)() * 1000);
    const recordedAt = Date.parse(String(events[0]?.metadata.recordedAt));
    const stated = Number.isNaN(recordedAt) ? now : Math.min(now, recordedAt * 1000);
    return Math.max(stated, lastStamp + 1);
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
    committedAt: microsToInstant(row.committed_at),
  };
}

/**
 * Logs written before commit times were stamped get them once, in position order: the time
 * each event's metadata says it was recorded, never earlier than the stamp before it.
 */
function addCommitTimes(db: Database.Database): void {
  const hasColumn = () => db.prepare<[], { name: string }>('PRAGMA table_info(events)').all().some((c) => c.name === 'committed_at');
  if (hasColumn()) return;
  db.transaction(() => {
    if (hasColumn()) return; // another process sharing the file did it first
    db.exec('ALTER TABLE events ADD COLUMN committed_at INTEGER NOT NULL DEFAULT 0');
    const update = db.prepare<[number, number]>('UPDATE events SET committed_at = ? WHERE position = ?');
    const page = db.prepare<[number], { position: number; metadata: string }>(
      'SELECT position, metadata FROM events WHERE position > ? ORDER BY position LIMIT 10000',
    );
    let last = 0;
    // A page at a time: better-sqlite3 cannot write while a statement is still iterating.
    for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.position)) {
      for (const row of rows) {
        const recordedAt = Date.parse(String((JSON.parse(row.metadata) as { recordedAt?: unknown }).recordedAt));
        last = Math.max(Number.isNaN(recordedAt) ? 0 : recordedAt * 1000, last + 1);
        update.run(last, row.position);
      }
    }
    db.prepare('UPDATE commit_clock SET last_us = MAX(last_us, ?) WHERE id = 1').run(last);
  }).immediate();
}
