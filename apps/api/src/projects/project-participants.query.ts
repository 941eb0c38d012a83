import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AuditLog } from '@pathway/audit';
import { Principal } from '@pathway/auth';
import { notFound, ruleBroken } from '@pathway/domain';
import { ParticipantMatch, ParticipantsPage, projectParticipants, ReadModelDb } from '@pathway/read-models';
import { AUDIT_LOG, READ_MODELS } from '@pathway/runtime';
import { AccessDeniedError } from '../auth/auth-errors';
import { ParticipantProjects } from '../auth/participant-projects';
import { ParticipantIdentityIndex } from '../participants/participant-identity-index';
import { nameMatches, ParticipantNames } from '../participants/participant-names';
import { IDENTITY_NUMBER } from '../participants/personal-data.dto';

/**
 * The most participants a name search opens, one project at a time: about a second on this
 * machine's SQLite log (each is a stream read and an AES-GCM open). A larger project is told to
 * search by identity number (a blind-index lookup) or pseudonymous id instead.
 */
export const NAME_SEARCH_LIMIT = 5000;

export class ParticipantsPageDto {
  @IsOptional()
  @IsIn(['active', 'exited', 'withdrawn'])
  status?: 'active' | 'exited' | 'withdrawn';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  /**
   * The start of a pseudonymous id (for everyone), or for the project's caseworkers also words of
   * a name (each word part of it, case and diacritics aside).
   */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  /** Exact match through the blind index, any written form (19900101-2385, 900101-2385); caseworkers only. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(IDENTITY_NUMBER, { message: 'identityNumber must be 1 to 32 letters, digits, spaces or -' })
  identityNumber?: string;

  /** `true`: each item carries the participant's name (caseworkers only; each name shown is audited). */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  names?: boolean;
}

/** A page of the list; `name` only when asked for by a caseworker (null: none recorded, or erased). */
export type ParticipantsSearchPage = Omit<ParticipantsPage, 'items'> & {
  items: Array<ParticipantsPage['items'][number] & { name?: string | null }>;
};

export class ProjectParticipantsQuery {
  constructor(
    readonly projectId: string,
    readonly page: ParticipantsPageDto,
    readonly principal: Principal,
    readonly correlationId: string,
  ) {}
}

/**
 * The list, filtered and searched. Personal data is touched only for the project's caseworkers
 * (the AccessGuard checked the project): an identity number is looked up by its blind index
 * (nothing opened), a name search opens the project's names (at most NAME_SEARCH_LIMIT), and
 * each participant a search found or whose name is shown gets an audit entry before the answer.
 */
@QueryHandler(ProjectParticipantsQuery)
export class ProjectParticipantsHandler implements IQueryHandler<ProjectParticipantsQuery, ParticipantsSearchPage> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    private readonly identities: ParticipantIdentityIndex,
    private readonly names: ParticipantNames,
    private readonly projects: ParticipantProjects,
  ) {}

  async execute({ projectId, page, principal, correlationId }: ProjectParticipantsQuery): Promise<ParticipantsSearchPage> {
    const project = await this.readModels.db.selectFrom('projects').select('project_id').where('project_id', '=', projectId).executeTakeFirst();
    if (!project) throw notFound('PROJECT.NOT_FOUND', 'No such project');
    const caseworker = principal.role === 'caseworker';
    if ((page.identityNumber !== undefined || page.names) && !caseworker) throw new AccessDeniedError();

    let match: ParticipantMatch | undefined;
    let found: string[] = [];
    if (page.identityNumber !== undefined) {
      found = await this.inProject(projectId, await this.identities.find(page.identityNumber));
      match = { ids: found };
    } else if (page.q?.trim()) {
      found = caseworker ? await this.byName(projectId, page.q) : [];
      match = { idPrefix: page.q.trim(), ids: found };
    }
    const result: ParticipantsSearchPage = await projectParticipants(this.readModels.db, projectId, { ...page, match });
    const shown = new Set(result.items.map((i) => i.participantId));
    await this.record('personal-data.search', found.filter((id) => shown.has(id)), projectId, principal, correlationId);
    if (!page.names) return result;
    const items = [];
    for (const item of result.items) items.push({ ...item, name: await this.names.nameOf(item.participantId) });
    await this.record('personal-data.read', items.filter((i) => i.name !== null).map((i) => i.participantId), projectId, principal, correlationId);
    return { ...result, items };
  }

  /** Ids of the project's participants whose name holds every word of `query`. */
  private async byName(projectId: string, query: string): Promise<string[]> {
    const ids = await this.readModels.db.selectFrom('participants').select('participant_id').where('project_id', '=', projectId).limit(NAME_SEARCH_LIMIT + 1).execute();
    if (ids.length > NAME_SEARCH_LIMIT) {
      throw ruleBroken('PARTICIPANTS.NAME_SEARCH_TOO_LARGE', `A name search opens at most ${NAME_SEARCH_LIMIT} participants; search by identity number or id`);
    }
    const matches: string[] = [];
    for (const { participant_id: id } of ids) {
      const name = await this.names.nameOf(id);
      if (name !== null && nameMatches(name, query)) matches.push(id);
    }
    return matches;
  }

  /** Only this project's participants: the index spans every project, and must not tell of others. */
  private async inProject(projectId: string, ids: string[]): Promise<string[]> {
    const kept: string[] = [];
    for (const id of ids) if ((await this.projects.of(id)) === projectId) kept.push(id);
    return kept;
  }

  private async record(action: string, participantIds: string[], projectId: string, principal: Principal, correlationId: string): Promise<void> {
    const at = new Date().toISOString();
    for (const participantId of participantIds) {
      await this.audit.record({ at, subject: principal.subject, role: principal.role, action, participantId, projectId, correlationId });
    }
  }
}
