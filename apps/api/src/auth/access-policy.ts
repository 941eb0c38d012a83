import { Role } from '@pathway/auth';

/**
 * The one table of who may do what (DESIGN.md §3). Every route names one of these actions;
 * besides the role, every role but admin reaches only the projects named in its token.
 */
export const ACCESS_POLICY = {
  'projects.register': ['admin'],
  /** The name, period, planned participants and time zone, changed by events. */
  'projects.change': ['admin'],
  'projects.read': ['caseworker', 'evaluator', 'admin'],
  /** The caseworkers' to-do list (Today): not an evaluator's or a funder's concern. */
  'worklist.read': ['caseworker', 'admin'],
  'participants.enrol': ['caseworker'],
  'participants.record': ['caseworker'],
  /** Moving in from the project's spreadsheet (dry run and commit), and its template. */
  'participants.import': ['caseworker', 'admin'],
  /** The pathway view; only a caseworker of the project sees the personal data in it. */
  'participants.read': ['caseworker', 'evaluator'],
  'participants.erase': ['admin'],
  /** Everything held about a person (GDPR Articles 15 and 20), personal data opened: admins only. */
  'participants.subject-access': ['admin'],
  /** When a project's personal data is to be erased, and the worklist of projects past it. */
  'projects.retention': ['admin'],
  'retention.read': ['admin'],
  'indicators.catalogue': ['caseworker', 'evaluator', 'funder', 'admin'],
  'indicators.report': ['caseworker', 'evaluator', 'admin'],
  /** Two days of the report compared, changes explained by pseudonymous participants and their events: as the report, never funders. */
  'indicators.compare': ['caseworker', 'evaluator', 'admin'],
  /** The pseudonymous participants counted in one figure of the report (issue 11, evaluator 3): evaluators and admins, never funders. */
  'indicators.drill-down': ['evaluator', 'admin'],
  /** Exports are suppressed: the one view of the figures a funder gets. */
  'indicators.export': ['caseworker', 'evaluator', 'funder', 'admin'],
  'reports.submit': ['admin'],
  /** Submitted reports with their digests, and whether their suppressed counts known now differ: names no one. */
  'reports.read': ['evaluator', 'funder', 'admin'],
  'projections.read': ['evaluator', 'admin'],
  /** A rebuild touches every project: an evaluator only with a token naming every project (the controller checks). */
  'projections.rebuild': ['evaluator', 'admin'],
  /** An evaluator's copy holds every project's read models: an evaluator only with a token naming every project (the controller checks). */
  'projections.copy': ['evaluator', 'admin'],
  'audit.read': ['admin'],
  /** The monthly participant file for SCB holds identity numbers: admins only, each opening audited. */
  'participantFiles.read': ['admin'],
  'participantFiles.record': ['admin'],
  /** Who am I: the signed-in user's own account. */
  'session.read': ['caseworker', 'evaluator', 'funder', 'admin'],
  'users.add': ['admin'],
  /** The list of users (local accounts, or in OIDC mode the provider's users with a session, read-only). */
  'users.read': ['admin'],
  /** A local account's role, projects, and whether it is disabled. */
  'users.change': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACCESS_POLICY;

export const mayDo = (role: Role, action: Action): boolean => (ACCESS_POLICY[action] as readonly Role[]).includes(role);
