import { CommandDependencies, CommandResult, participantStream, projectStream, recordParticipantFileSent, RequestContext, toDomainEvent } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { addMonths, calendarDateIn, EntryProfile, IsoDate, Month, monthOf, monthsBetween, notFound, ParticipantEvent, projectDecider, ProjectEvent, SentParticipantFile } from '@pathway/domain';
import { EventStore } from '@pathway/event-store';
import {
  dueBy,
  ExportFile,
  IdentifiedRow,
  IdentityGap,
  participantFile,
  ParticipantFileFormat,
  ParticipantFileLayout,
  ParticipantFileRow,
  participantFileRows,
  protectedIdentityCode,
  rowsDigest,
  SentMonthStatus,
  sentMonthStatuses,
  staysOf,
} from '@pathway/exports';
import { KeyStore, openPersonalData, Sealed } from '@pathway/privacy';
import { participantMovements, ReadModelDb } from '@pathway/read-models';
import { reportCutOff } from '../report-cut-off';

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

/** Who reads the file: the subject and role the audit log records (`cli:admin` from the command line). */
export interface ParticipantFileReader {
  subject: string;
  role: string;
}

/** What the participant files work on: the API's providers, or the CLI's stores opened from the same configuration. */
export interface ParticipantFilesDeps {
  deps: CommandDependencies;
  store: EventStore;
  readModels: ReadModelDb;
  keys: KeyStore;
  audit: AuditLog;
  layout: ParticipantFileLayout;
}

/**
 * The monthly participant file for Statistics Sweden, one code path for the API and `pathway
 * participant-file`: which months are due, sent or to be sent again, the file of a month
 * (identity numbers, or replacement codes for protected identity, opened for admins, each read
 * audited), and recording a month as sent. Rows come from the read models at a cut-off of the
 * log, so a month sent once can be derived again exactly as it was sent.
 */
export class ParticipantFiles {
  constructor(private readonly on: ParticipantFilesDeps) {}

  /** Every month of the project that has ended, up to the project's last, with how it stands. @throws 404 PROJECT.NOT_FOUND */
  async months(projectId: string): Promise<ParticipantFileMonth[]> {
    const { store, readModels, deps } = this.on;
    const { details, sent } = await this.project(projectId);
    const today = calendarDateIn(deps.now(), details.timeZone);
    // A month has ended once the project's today is in a later one (SCB opens it on the 1st after).
    const lastEnded = monthOf(addMonths(`${monthOf(today)}-01`, -1));
    const months = monthsBetween(monthOf(details.startDate), [monthOf(details.endDate), lastEnded].sort()[0]!);
    await reportCutOff(store, readModels, { from: null, to: today, asKnownOn: null });
    const staysNow = staysOf(await participantMovements(readModels.db, projectId, null));
    const latest = new Map(sent.map((s) => [s.month, s])); // the last sending of each month counts
    const order = new Map(sent.map((s, i) => [s.month, i])); // the project's stream order of that last sending
    const sendings = (month: Month) => sent.filter((s) => s.month === month).length;
    const asSent = await Promise.all(
      [...latest.values()].map(async (s) => ({
        month: s.month,
        rows: participantFileRows(staysOf(await participantMovements(readModels.db, projectId, s.cutOffPosition)), s.month),
        order: order.get(s.month)!,
        resent: sendings(s.month) > 1,
      })),
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
   * The month's file as known now: its rows with each identity number opened, or for a person with
   * protected identity the replacement code (an erased person's row says the number can no longer
   * be produced). Every participant whose data is opened is audited first. The answer's
   * `asKnownOn` is what to record the month as sent with. @throws 404 PROJECT.NOT_FOUND
   */
  async file(projectId: string, month: Month, format: ParticipantFileFormat, reader: ParticipantFileReader, correlationId: string): Promise<{ file: ExportFile; asKnownOn: string }> {
    const { store, readModels, deps, audit, layout } = this.on;
    await this.project(projectId);
    const asKnownOn = deps.now().toISOString();
    const { cutOffPosition } = await reportCutOff(store, readModels, { from: null, to: asKnownOn.slice(0, 10), asKnownOn });
    const rows = participantFileRows(staysOf(await participantMovements(readModels.db, projectId, cutOffPosition!)), month);
    const identified: IdentifiedRow[] = [];
    for (const row of rows) {
      await audit.record({ at: asKnownOn, subject: reader.subject, role: reader.role, action: PARTICIPANT_FILE_READ, participantId: row.participantId, projectId, correlationId });
      identified.push({ ...row, ...(await this.identityOf(row.participantId)) });
    }
    return { file: await participantFile({ projectId, month, asKnownOn, rows: identified }, format, layout), asKnownOn };
  }

  /**
   * Records the month as sent with the rows known on `asKnownOn` (the file's), and the file's digest if given.
   * @throws AsKnownOnInFuture when `asKnownOn` is after now; the project decider's PARTICIPANT_FILE.* rules
   */
  async recordSent(projectId: string, month: Month, asKnownOn: string, fileDigest: string | null, caller: RequestContext): Promise<CommandResult & { sent: SentParticipantFile }> {
    const { store, readModels, deps } = this.on;
    const { details } = await this.project(projectId);
    if (Date.parse(asKnownOn) > deps.now().getTime()) throw new AsKnownOnInFuture();
    const { cutOffPosition } = await reportCutOff(store, readModels, { from: null, to: asKnownOn.slice(0, 10), asKnownOn });
    const rows = participantFileRows(staysOf(await participantMovements(readModels.db, projectId, cutOffPosition!)), month);
    const sent: SentParticipantFile = { projectId, month, asKnownOn, cutOffPosition: cutOffPosition!, rowsDigest: rowsDigest(rows), rows: rows.length, fileDigest };
    const today = calendarDateIn(deps.now(), details.timeZone);
    const result = await recordParticipantFileSent(deps, sent, today, caller);
    return { ...result, sent: result.events[0]!.data as SentParticipantFile };
  }

  private async project(projectId: string) {
    const recorded = await this.on.store.readStream(projectStream(projectId));
    const events = recorded.map((e) => toDomainEvent<ProjectEvent>(e));
    // Folded, not the registration alone: an admin may have changed the period since.
    const state = events.reduce((s, e, i) => projectDecider.evolve(s, e, recorded[i]!.eventId), projectDecider.initialState());
    if (state.status !== 'registered') throw notFound('PROJECT.NOT_FOUND', 'No such project');
    const sent = events.flatMap((e) => (e.type === 'ParticipantFileSent' ? [e.data] : []));
    return { details: state.details, sent };
  }

  /**
   * What the participant's row is identified by: their identity number as their sealed personal
   * data holds it now, or with protected identity the replacement code made from the entry
   * profile's birth date and gender as corrected (never the number), or why neither can be given.
   */
  private async identityOf(participantId: string): Promise<{ identityNumber: string | null; gap: IdentityGap | null }> {
    const events = (await this.on.store.readStream(participantStream(participantId))).map((e) => toDomainEvent<ParticipantEvent>(e));
    if (events.some((e) => e.type === 'PersonalDataErased')) return { identityNumber: null, gap: 'erased' };
    const boxes = events.flatMap((e) => ('personal' in e.data && e.data.personal ? [e.data.personal as Sealed] : []));
    const opened = openPersonalData(participantId, boxes, await this.on.keys.lookup(participantId));
    if (opened.status === 'erased') return { identityNumber: null, gap: 'erased' };
    if (opened.status === 'key-missing' || opened.status === 'unreadable') return { identityNumber: null, gap: 'key-missing' };
    if (opened.status === 'recorded' && opened.data.protectedIdentity === true) {
      const profile = profileAsCorrected(events);
      const code = profile ? protectedIdentityCode(this.on.layout.protectedIdentity, profile.birthDate, profile.gender) : null;
      return code === null ? { identityNumber: null, gap: 'protected-incomplete' } : { identityNumber: code, gap: null };
    }
    const identityNumber = opened.status === 'recorded' ? (opened.data.nationalIdentityNumber ?? null) : null;
    return identityNumber === null ? { identityNumber: null, gap: 'not-recorded' } : { identityNumber, gap: null };
  }
}

/** The entry profile as enrolled, with every correction since applied (null without an enrolment). */
function profileAsCorrected(events: readonly ParticipantEvent[]): EntryProfile | null {
  let profile: EntryProfile | null = null;
  for (const e of events) {
    if (e.type === 'ParticipantEnrolled') profile = e.data.profile;
    else if (e.type === 'EntryProfileCorrected' && profile !== null) {
      const { enrolledOn: _enrolledOn, ...corrected } = e.data.corrected;
      const before: EntryProfile = profile;
      profile = { ...before, ...corrected };
    }
  }
  return profile;
}

/** `asKnownOn` is after now: a file counts what was known by a moment that has passed. */
export class AsKnownOnInFuture extends Error {
  constructor() {
    super('asKnownOn must not be after now: a file counts what was known by a moment that has passed');
  }
}
