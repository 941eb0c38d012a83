import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandDependencies, CommandResult, RequestContext } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Environment, participantFileLayout } from '@pathway/config';
import { Month, SentParticipantFile } from '@pathway/domain';
import { EventStore, EVENT_STORE } from '@pathway/event-store';
import { KeyStore } from '@pathway/privacy';
import { ReadModelDb } from '@pathway/read-models';
import { AsKnownOnInFuture, AUDIT_LOG, COMMAND_DEPENDENCIES, KEY_STORE, ParticipantFiles as SharedParticipantFiles, READ_MODELS } from '@pathway/runtime';
import { RequestValidationError } from '../http/problem';

export { ParticipantFileMonth, PARTICIPANT_FILE_READ } from '@pathway/runtime';

/**
 * The API's participant files: the shared code path of `@pathway/runtime` (the CLI runs the same)
 * on the API's stores and the configured layout, with a file dated after now answered as a 400.
 */
@Injectable()
export class ParticipantFiles extends SharedParticipantFiles {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) deps: CommandDependencies,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS) readModels: ReadModelDb,
    @Inject(KEY_STORE) keys: KeyStore,
    @Inject(AUDIT_LOG) audit: AuditLog,
    config: ConfigService<Environment, true>,
  ) {
    const layout = participantFileLayout({
      PARTICIPANT_FILE_COLUMNS: config.get('PARTICIPANT_FILE_COLUMNS'),
      PARTICIPANT_FILE_PROTECTED_CODE: config.get('PARTICIPANT_FILE_PROTECTED_CODE'),
      PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS: config.get('PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS'),
    });
    super({ deps, store, readModels, keys, audit, layout });
  }

  override async recordSent(projectId: string, month: Month, asKnownOn: string, fileDigest: string | null, caller: RequestContext): Promise<CommandResult & { sent: SentParticipantFile }> {
    try {
      return await super.recordSent(projectId, month, asKnownOn, fileDigest, caller);
    } catch (error) {
      if (error instanceof AsKnownOnInFuture) throw new RequestValidationError([{ field: 'asKnownOn', reason: error.message }]);
      throw error;
    }
  }
}
