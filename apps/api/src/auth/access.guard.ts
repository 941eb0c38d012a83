import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { InvalidTokenError, Principal, TokenVerifier } from '@pathway/auth';
import { notFound } from '@pathway/domain';
import { TOKEN_VERIFIER } from '@pathway/runtime';
import { Sessions } from '@pathway/users';
import { ACCESS } from './access.decorator';
import { Action, mayDo } from './access-policy';
import { AccessDeniedError, AuthenticationError, AuthProblem } from './auth-errors';
import { AuthenticatedRequest } from './authenticated-request';
import { ParticipantProjects } from './participant-projects';
import { ID_PATTERN } from '../http/validators';
import { SESSIONS } from '../session/oidc.provider';
import { looksCrossSite, sessionSecretOf } from '../session/session-cookie';

/**
 * The one gate every route passes: who calls (the bearer token, or else the web app's session
 * cookie: the same principal either way), may their role do this
 * (the policy table), and is it in their projects. Another project's participant or project
 * is answered exactly like one that does not exist, so nothing leaks through a 403.
 * A route that names no action is refused: forgetting to decide fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    private readonly participantProjects: ParticipantProjects,
    @Inject(SESSIONS) private readonly sessions: Sessions | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.getAllAndOverride<Action | 'public' | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (action === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.authenticate(request as AuthenticatedRequest);
    (request as AuthenticatedRequest).principal = principal;
    if (!action || !mayDo(principal.role, action)) throw new AccessDeniedError();
    if (principal.role !== 'admin') await this.checkProjects(principal, request.params as Record<string, string>);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal> {
    const header = request.header('Authorization');
    const secret = header === undefined ? sessionSecretOf(request) : undefined;
    if (secret !== undefined && this.sessions) return this.fromSession(request, this.sessions, secret);
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header ?? '')?.[1];
    if (!token) throw new AuthenticationError(header !== undefined);
    try {
      return await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new AuthenticationError(true);
      throw error;
    }
  }

  /** A session ends by sign-out or expiry; after that the cookie is worth a 401 like a bad token. */
  private async fromSession(request: AuthenticatedRequest, sessions: Sessions, secret: string): Promise<Principal> {
    if (looksCrossSite(request)) throw new AuthProblem(403, 'AUTH.CSRF_SUSPECTED', 'Send Content-Type: application/json or X-Requested-With with this request');
    const session = await sessions.resume(secret, Date.now());
    if (!session) throw new AuthenticationError(true);
    request.sessionUser = session.user;
    return session.principal;
  }

  /** Ids that are not well formed cannot exist: the route's pipe answers them 400. */
  private async checkProjects({ projects }: Principal, params: Record<string, string>): Promise<void> {
    const { projectId, participantId } = params;
    if (projectId !== undefined && ID_PATTERN.test(projectId) && !projects.includes(projectId)) {
      throw notFound('PROJECT.NOT_FOUND', 'No such project');
    }
    if (participantId !== undefined && ID_PATTERN.test(participantId)) {
      const project = await this.participantProjects.of(participantId);
      if (project === null || !projects.includes(project)) throw notFound('PARTICIPANT.NOT_FOUND', 'No such participant');
    }
  }
}
