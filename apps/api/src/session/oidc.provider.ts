import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OidcSignIn } from '@pathway/auth';
import { Environment, oidcRedirectUri } from '@pathway/config';
import { LocalAccounts, ProviderSessions, Sessions, SqliteProviderSessionStore } from '@pathway/users';
import { LOCAL_ACCOUNTS } from './local-accounts.provider';

/** The sign-in at the organisation's provider, or null unless AUTH_ISSUER and AUTH_CLIENT_ID are set. */
export const OIDC_SIGN_IN = Symbol('OidcSignIn');
/** The provider's users' sessions (DATA_DIR/users.db), or null without OIDC_SIGN_IN. */
export const PROVIDER_SESSIONS = Symbol('ProviderSessions');
/** Whatever opens the session cookie: local accounts (embedded), the provider's sessions, or null (bearer tokens only). */
export const SESSIONS = Symbol('Sessions');

const signsInAtProvider = (config: ConfigService<Environment, true>) => Boolean(config.get('AUTH_ISSUER') && config.get('AUTH_CLIENT_ID'));

export const oidcProviders: Provider[] = [
  {
    provide: OIDC_SIGN_IN,
    inject: [ConfigService],
    useFactory: (config: ConfigService<Environment, true>) => {
      if (!signsInAtProvider(config)) return null;
      const redirectUri = oidcRedirectUri({ AUTH_REDIRECT_URI: config.get('AUTH_REDIRECT_URI'), PUBLIC_URL: config.get('PUBLIC_URL') });
      return new OidcSignIn({
        issuer: config.get('AUTH_ISSUER'),
        clientId: config.get('AUTH_CLIENT_ID'),
        clientSecret: config.get('AUTH_CLIENT_SECRET'),
        redirectUri,
        // The app's sign-in page, which says "You have signed out".
        postLogoutRedirectUri: new URL('/sign-in?signedOut', config.get('PUBLIC_URL') ?? redirectUri).href,
        scope: config.get('AUTH_SCOPE'),
        claimNames: { role: config.get('AUTH_ROLE_CLAIM'), projects: config.get('AUTH_PROJECTS_CLAIM') },
      });
    },
  },
  {
    provide: PROVIDER_SESSIONS,
    inject: [ConfigService],
    useFactory: (config: ConfigService<Environment, true>) => (signsInAtProvider(config) ? new ProviderSessions(SqliteProviderSessionStore.open(config.get('DATA_DIR'))) : null),
  },
  {
    provide: SESSIONS,
    inject: [LOCAL_ACCOUNTS, PROVIDER_SESSIONS],
    useFactory: (accounts: LocalAccounts | null, providerSessions: ProviderSessions | null): Sessions | null => accounts ?? providerSessions,
  },
];

/** Closes the provider sessions' store when the app stops. */
@Injectable()
export class ProviderSessionsCloser implements OnApplicationShutdown {
  constructor(@Inject(PROVIDER_SESSIONS) private readonly sessions: ProviderSessions | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sessions?.close();
  }
}
