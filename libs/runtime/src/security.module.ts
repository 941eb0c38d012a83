import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditLog } from '@pathway/audit';
import { Environment, openAuditLog, openKeyStore, openTokenVerifier } from '@pathway/config';
import { KeyStore } from '@pathway/privacy';
import { countOperations } from './operation-metrics';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');
export const KEY_STORE = Symbol('KeyStore');
export const AUDIT_LOG = Symbol('AuditLog');

/** Who may call (token verifier), the participants' data keys, and the audit log of reads. */
@Global()
@Module({
  providers: [
    {
      provide: TOKEN_VERIFIER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        openTokenVerifier({
          AUTH_ISSUER: config.get('AUTH_ISSUER'),
          AUTH_AUDIENCE: config.get('AUTH_AUDIENCE'),
          DATA_DIR: config.get('DATA_DIR'),
          AUTH_ROLE_CLAIM: config.get('AUTH_ROLE_CLAIM'),
          AUTH_PROJECTS_CLAIM: config.get('AUTH_PROJECTS_CLAIM'),
        }),
    },
    {
      provide: KEY_STORE,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<Environment, true>) =>
        countOperations('key-store', await openKeyStore({
          READ_MODEL_DB: config.get('READ_MODEL_DB'),
          DATA_DIR: config.get('DATA_DIR'),
          DATABASE_URL: config.get('DATABASE_URL'),
          MASTER_KEY: config.get('MASTER_KEY'),
          MASTER_KEY_PREVIOUS: config.get('MASTER_KEY_PREVIOUS'),
        })),
    },
    {
      provide: AUDIT_LOG,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        countOperations('audit-log', openAuditLog({ READ_MODEL_DB: config.get('READ_MODEL_DB'), DATA_DIR: config.get('DATA_DIR'), DATABASE_URL: config.get('DATABASE_URL') })),
    },
  ],
  exports: [TOKEN_VERIFIER, KEY_STORE, AUDIT_LOG],
})
export class SecurityModule implements OnApplicationShutdown {
  constructor(
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.keys.close(), this.audit.close()]);
  }
}
