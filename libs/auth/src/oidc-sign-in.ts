import * as client from 'openid-client';
import { ClaimNames, InvalidTokenError, Principal, principalFromClaims, UnknownRoleError } from './principal';

/** The web app's client at the organisation's provider (AUTH_ISSUER, AUTH_CLIENT_ID, ...). */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  /** Set for a confidential client (client_secret_basic); unset, a public client proven by PKCE alone. */
  clientSecret?: string;
  redirectUri: string;
  /** Where the provider sends the browser after its sign-out. */
  postLogoutRedirectUri: string;
  scope: string;
  claimNames: ClaimNames;
}

/** What the server keeps between sending the browser to the provider and its return. */
export interface SignInChallenge {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider signed in: the principal, how to greet them, and the ID token (the sign-out's hint). */
export interface ProviderUser {
  principal: Principal;
  email: string;
  displayName: string;
  idToken: string;
}

/**
 * Why a sign-in at the provider is refused, as the stable code the web app translates:
 * `AUTH.OIDC_DENIED` (the person or the provider said no), `AUTH.OIDC_STATE_MISMATCH` (the answer
 * belongs to no sign-in this browser started), `AUTH.OIDC_EXPIRED` (started over 10 minutes ago),
 * `AUTH.OIDC_REJECTED` (the code or the ID token failed a check), `AUTH.OIDC_ROLE_UNKNOWN` (no
 * single Pathway role in the claims), `AUTH.OIDC_UNAVAILABLE` (the provider cannot be reached).
 */
export class SignInRefusedError extends Error {
  constructor(
    readonly code: 'AUTH.OIDC_DENIED' | 'AUTH.OIDC_STATE_MISMATCH' | 'AUTH.OIDC_EXPIRED' | 'AUTH.OIDC_REJECTED' | 'AUTH.OIDC_ROLE_UNKNOWN' | 'AUTH.OIDC_UNAVAILABLE',
    reason: string,
  ) {
    super(`Sign-in refused (${code}): ${reason}`);
    this.name = 'SignInRefusedError';
  }
}

/**
 * The authorization code flow with PKCE (S256), run by the server (the backend-for-frontend
 * pattern: tokens never reach the browser), on openid-client, the OpenID Foundation certified
 * relying party library. The ID token is checked in full: issuer, audience, nonce, expiry, and its
 * signature against the provider's published keys, although it came straight from the token
 * endpoint (OIDC Core §3.1.3.7 would allow trusting TLS instead; we do not lean on that).
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcClientSettings) {}

  /** The provider's authorization URL for a new sign-in, and what the callback must check against. */
  async start(): Promise<{ url: URL; challenge: SignInChallenge }> {
    const config = await this.discover();
    const challenge = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      state: challenge.state,
      nonce: challenge.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(challenge.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, challenge };
  }

  /**
   * Checks the provider's answer (the callback's query string) against the challenge, exchanges
   * the code and verifies the ID token; throws SignInRefusedError.
   */
  async finish(query: URLSearchParams, challenge: SignInChallenge): Promise<ProviderUser> {
    const config = await this.discover();
    // The redirect URI as registered (the token request repeats it), not as this process was reached.
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = query.toString();
    const error = callbackUrl.searchParams.get('error');
    if (error !== null) throw new SignInRefusedError(error === 'access_denied' || error === 'login_required' ? 'AUTH.OIDC_DENIED' : 'AUTH.OIDC_REJECTED', `the provider answered ${error}`);
    if (callbackUrl.searchParams.get('state') !== challenge.state) throw new SignInRefusedError('AUTH.OIDC_STATE_MISMATCH', 'the state is not the one this browser was given');
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: challenge.codeVerifier,
        expectedState: challenge.state,
        expectedNonce: challenge.nonce,
        idTokenExpected: true,
      });
    } catch (cause) {
      throw asRefusal(cause);
    }
    const claims = tokens.claims()!;
    try {
      const principal = principalFromClaims(claims, this.settings.claimNames);
      const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
      return { principal, email: text('email') ?? '', displayName: text('name') ?? text('preferred_username') ?? text('email') ?? claims.sub, idToken: tokens.id_token! };
    } catch (cause) {
      if (cause instanceof UnknownRoleError) throw new SignInRefusedError('AUTH.OIDC_ROLE_UNKNOWN', `no single Pathway role in the claim ${this.settings.claimNames.role}`);
      throw new SignInRefusedError('AUTH.OIDC_REJECTED', (cause as InvalidTokenError).message);
    }
  }

  /** The provider's sign-out page for this session, or null when it publishes no end_session_endpoint. */
  async endSessionUrl(idTokenHint: string | null): Promise<URL | null> {
    const config = await this.discover();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri,
      ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
    });
  }

  /** The provider's discovery document, fetched once (again after a failure: it may have been down). */
  private discover(): Promise<client.Configuration> {
    this.configuration ??= (async () => {
      const { issuer, clientId, clientSecret } = this.settings;
      const issuerUrl = new URL(issuer);
      // An http:// issuer is what the operator configured (a provider inside the same network, or tests).
      const execute = issuerUrl.protocol === 'http:' ? [client.allowInsecureRequests] : [];
      const config = await client.discovery(issuerUrl, clientId, undefined, clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(), { execute });
      client.enableNonRepudiationChecks(config);
      return config;
    })().catch((cause: unknown) => {
      this.configuration = null;
      throw new SignInRefusedError('AUTH.OIDC_UNAVAILABLE', `discovery at ${this.settings.issuer} failed: ${(cause as Error).message}`);
    });
    return this.configuration;
  }
}

/** openid-client's errors: the provider's refusal of the code or a failed check is the answer's fault; anything else the provider's. */
function asRefusal(cause: unknown): SignInRefusedError {
  if (cause instanceof SignInRefusedError) return cause;
  const message = (cause as Error).message;
  if (cause instanceof client.AuthorizationResponseError) return new SignInRefusedError('AUTH.OIDC_DENIED', message);
  if (cause instanceof client.ResponseBodyError) return new SignInRefusedError('AUTH.OIDC_REJECTED', `the token endpoint answered ${cause.error}`);
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('OAUTH_') && code !== 'OAUTH_TIMEOUT' && code !== 'OAUTH_ABORT') return new SignInRefusedError('AUTH.OIDC_REJECTED', `${code}: ${message}`);
  return new SignInRefusedError('AUTH.OIDC_UNAVAILABLE', message);
}
