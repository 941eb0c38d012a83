import { Inject, Injectable } from '@nestjs/common';
import { CommandDependencies, CommandResult, participantStream, projectStream, recordParticipantFileSent, RequestContext, toDomainEvent } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Principal } from '@pathway/auth';
import { addMonths, calendarDateIn, IsoDate, Month, monthOf, monthsBetween, notFound, ParticipantEvent, ProjectEvent, SentParticipantFile } from '@pathway/domain';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import {
  dueBy,
  ExportFile,
  IdentifiedRow,
  IdentityGap,
  participantFile,
  ParticipantFileFormat,
  ParticipantFileRow,
  participantFileRows,
  rowsDigest,
  SentMonthStatus,
  sentMonthStatuses,
  staysOf,
} from '@pathway/exports';
import { KeyStore, openPersonalData, Sealed } from '@pathway/privacy';
import { participantMovements, ReadModelDb } from '@pathway/read-models';
import { AUDIT_LOG, COMMAND_DEPENDENCIES, KEY_STORE, READ_MODELS, reportCutOff } from '@pathway/runtime';
import { RequestValidationError } from '../http/problem';

/** The audit log's action for an identity number opened for a month's participant file. */
export const PARTICIPANT_FILE_READ = 'participant-file.read';

/** One month of the project's reporting to SCB, as the months list gives it. */
export interface ParticipantFileMonth {
  month: Month;
  /** Four weeks after the month ends (SCB's timetable). */
  dueBy: IsoDate;
  /**
   * `not-sent` (`overdue` once `dueBy` has passed), `sent` (still as known now), `resend`: the
   * month changed since it was sent (`changes`), or an earlier sent month did (`after`) and SCB
   * reads every later month again.
   */
  status: 'not-sent' | 'overdue' | 'sent' | 'resend';
  lastSent: Omit<SentParticipantFile, 'projectId' | 'month'> | null;
  changes: { added: ParticipantFileRow[]; removed: ParticipantFileRow[] } | null;
  after: Month | null;
}

/**
 * The monthly participant file for Statistics Sweden: which months are due, sent or to be sent
 * again, the file of a month (identity numbers opened for admins, each read audited), and
 * recording a month as sent. Rows come from the read models at a cut-off of the log, so a month
 * sent once can be derived again exactly as it was sent.
 */
@Injectable()
export class ParticipantFiles {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) private readonly deps: CommandDependencies,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  /** Every month of the project that has ended, up to the project's last, with how it stands. @throws 404 PROJECT.NOT_FOUND */
  async months(projectId: string): Promise<ParticipantFileMonth[]> {
    const { details, sent } = await this.project(projectId);
    const today = calendarDateIn(this.deps.now(), details.timeZone);
    // A month has ended once the project's today is in a later one (SCB opens it on the 1st after).
    const lastEnded = monthOf(addMonths(`${monthOf(today)}-01`, -1));
    const months = monthsBetween(monthOf(details.startDate), [monthOf(details.endDate), lastEnded].sort()[0]!);
    await reportCutOff(this.store, this.readModels, { from: null, to: today, asKnownOn: null });
    const staysNow = staysOf(await participantMovements(this.readModels.db, projectId, null));
    const latest = new Map(sent.map((s) => [s.month, s])); // the last sending of each month counts
    const asSent = await Promise.all(
      [...latest.values()].map(async (s) => ({ month: s.month, rows: participantFileRows(staysOf(await participantMovements(this.readModels.db, projectId, s.cutOffPosition)), s.month) })),
    );
    const statuses = new Map<Month, SentMonthStatus>(sentMonthStatuses(asSent, (month) => participantFileRows(staysNow, month)).map((s) => [s.month, s]));
    return months.map((month) => {
      const s = latest.get(month);
      const status = statuses.get(month);
      const lastSent = s ? { asKnownOn: s.asKnownOn, cutOffPosition: s.cutOffPosition, rowsDigest: s.rowsDigest, rows: s.rows, fileDigest: s.fileDigest } : null;
      if (!status) return { month, dueBy: dueBy(month), status: today > dueBy(month) ? 'overdue' : 'not-sent', lastSent, changes: null, after: null };
      if (status.status === 'current') return { month, dueBy: dueBy(month), status: 'sent', lastSent, changes: null, after: null };
      if (status.status === 'changed') return { month, dueBy: dueBy(month), status: 'resend', lastSent, changes: { added: status.added, removed: status.removed }, after: null };
      return { month, dueBy: dueBy(month), status: 'resend', lastSent, changes: null, after: status.after };
    });
  }

  /**
   * The month's file as known now: its rows with each identity number opened (an erased person's
   * row says it can no longer be produced). Every participant whose number is opened is audited
   * first. The answer's `asKnownOn` is what to record the month as sent with.
   */
  async file(projectId: string, month: Month, format: ParticipantFileFormat, principal: Principal, correlationId: string): Promise<{ file: ExportFile; asKnownOn: string }> {
    await this.project(projectId);
    const asKnownOn = this.deps.now().toISOString();
    const { cutOffPosition } = await reportCutOff(this.store, this.readModels, { from: null, to: asKnownOn.slice(0, 10), asKnownOn });
    const rows = participantFileRows(staysOf(await participantMovements(this.readModels.db, projectId, cutOffPosition!)), month);
    const identified: IdentifiedRow[] = [];
    for (const row of rows) {
      await this.audit.record({ at: asKnownOn, subject: principal.subject, role: principal.role, action: PARTICIPANT_FILE_READ, participantId: row.participantId, projectId, correlationId });
      identified.push({ ...row, ...(await this.identityNumberOf(row.participantId)) });
    }
    return { file: await participantFile({ projectId, month, asKnownOn, rows: identified }, format), asKnownOn };
  }

  /** Records the month as sent with the rows known on `asKnownOn` (the file's), and the file's digest if given. */
  async recordSent(projectId: string, month: Month, asKnownOn: string, fileDigest: string | null, caller: RequestContext): Promise<CommandResult & { sent: SentParticipantFile }> {
    const { details } = await this.project(projectId);
    if (Date.parse(asKnownOn) > this.deps.now().getTime()) {
      throw new RequestValidationError([{ field: 'asKnownOn', reason: 'asKnownOn must not be after now: a file counts what was known by a moment that has passed' }]);
    }
    const { cutOffPosition } = await reportCutOff(this.store, this.readModels, { from: null, to: asKnownOn.slice(0, 10), asKnownOn });
    const rows = participantFileRows(staysOf(await participantMovements(this.readModels.db, projectId, cutOffPosition!)), month);
    const sent: SentParticipantFile = { projectId, month, asKnownOn, cutOffPosition: cutOffPosition!, rowsDigest: rowsDigest(rows), rows: rows.length, fileDigest };
    const today = calendarDateIn(this.deps.now(), details.timeZone);
    const result = await recordParticipantFileSent(this.deps, sent, today, caller);
    return { ...result, sent: result.events[0]!.data as SentParticipantFile };
  }

  private async project(projectId: string) {
    const events = (await this.store.readStream(projectStream(projectId))).map((e) => toDomainEvent<ProjectEvent>(e));
    const registered = events.find((e) => e.type === 'ProjectRegistered');
    if (!registered || registered.type !== 'ProjectRegistered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
    const sent = events.flatMap((e) => (e.type === 'ParticipantFileSent' ? [e.data] : []));
    return { details: registered.data, sent };
  }

  /** The participant's identity number as their sealed personal data holds it now, or why it cannot be given. */
  private async identityNumberOf(participantId: string): Promise<{ identityNumber: string | null; gap: IdentityGap | null }> {
    const events = (await this.store.readStream(participantStream(participantId))).map((e) => toDomainEvent<ParticipantEvent>(e));
    if (events.some((e) => e.type === 'PersonalDataErased')) return { identityNumber: null, gap: 'erased' };
    const boxes = events.flatMap((e) => ('personal' in e.data && e.data.personal ? [e.data.personal as Sealed] : []));
    const opened = openPersonalData(participantId, boxes, await this.keys.lookup(participantId));
    if (opened.status === 'erased') return { identityNumber: null, gap: 'erased' };
    if (opened.status === 'key-missing' || opened.status === 'unreadable') return { identityNumber: null, gap: 'key-missing' };
    const identityNumber = opened.status === 'recorded' ? (opened.data.nationalIdentityNumber ?? null) : null;
    return identityNumber === null ? { identityNumber: null, gap: 'not-recorded' } : { identityNumber, gap: null };
  }
}
