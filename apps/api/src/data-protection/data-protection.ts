import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandDependencies } from '@pathway/application';
import { AuditLog } from '@pathway/audit';
import { Environment } from '@pathway/config';
import { KeyStore } from '@pathway/privacy';
import { ReadModelDb } from '@pathway/read-models';
import { AUDIT_LOG, COMMAND_DEPENDENCIES, KEY_STORE, READ_MODELS, SubjectAccessSources } from '@pathway/runtime';

/**
 * The stores the data-protection services of libs/runtime read (the same services
 * `pathway subject-access` and `pathway retention` call), as the API process holds them.
 */
@Injectable()
export class DataProtection {
  constructor(
    @Inject(COMMAND_DEPENDENCIES) readonly deps: CommandDependencies,
    @Inject(KEY_STORE) readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(READ_MODELS) private readonly readModelDb: ReadModelDb,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  get readModels() {
    return this.readModelDb.db;
  }

  subjectAccessSources(): SubjectAccessSources {
    return {
      store: this.deps.store,
      keys: this.keys,
      audit: this.audit,
      readModels: this.readModelDb.db,
      kafkaEnabled: Boolean(this.config.get('KAFKA_BROKERS', { infer: true })),
      now: this.deps.now,
    };
  }
}
