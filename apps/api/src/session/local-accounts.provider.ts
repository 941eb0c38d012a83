import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { LocalAccounts, SignInLimits, SqliteUserStore } from '@pathway/users';

/**
 * The embedded mode's accounts (`DATA_DIR/users.db`), or null with an OpenID issuer
 * (AUTH_ISSUER set), where the organisation's provider signs people in instead.
 */
export const LOCAL_ACCOUNTS = Symbol('LocalAccounts');

export const localAccountsProviders: Provider[] = [
  {
    provide: LOCAL_ACCOUNTS,
    inject: [ConfigService],
    useFactory: (config: ConfigService<Environment, true>) =>
      config.get('AUTH_ISSUER') ? null : new LocalAccounts(SqliteUserStore.open(config.get('DATA_DIR'))),
  },
  // One per process: failed sign-ins per e-mail address and per caller address.
  { provide: SignInLimits, useValue: new SignInLimits() },
];

/** Closes users.db when the app stops. */
@Injectable()
export class LocalAccountsCloser implements OnApplicationShutdown {
  constructor(@Inject(LOCAL_ACCOUNTS) private readonly accounts: LocalAccounts | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.accounts?.close();
  }
}
