import { join } from 'node:path';
import { CachingTokenVerifier, DEFAULT_CLAIM_NAMES, LocalTokens, OidcTokenVerifier, TokenVerifier } from '@pathway/auth';
import { Environment } from './environment';
import { readOrCreateSecretFile } from './secret-file';

/** Embedded mode's token issuer, on the signing key in the data directory. */
export async function openLocalTokens(dataDir: string): Promise<LocalTokens> {
  const jwk = await readOrCreateSecretFile(join(dataDir, 'signing-key.jwk'), async () => JSON.stringify(await LocalTokens.newKey()));
  return LocalTokens.fromKey(JSON.parse(jwk));
}

/** The OpenID Connect issuer when one is configured, else the local one; either way verified tokens are remembered. */
export async function openTokenVerifier(
  env: Pick<Environment, 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'DATA_DIR'> & Partial<Pick<Environment, 'AUTH_ROLE_CLAIM' | 'AUTH_PROJECTS_CLAIM'>>,
): Promise<TokenVerifier> {
  const claimNames = { role: env.AUTH_ROLE_CLAIM ?? DEFAULT_CLAIM_NAMES.role, projects: env.AUTH_PROJECTS_CLAIM ?? DEFAULT_CLAIM_NAMES.projects };
  const verifier = env.AUTH_ISSUER ? new OidcTokenVerifier(env.AUTH_ISSUER, env.AUTH_AUDIENCE!, claimNames) : await openLocalTokens(env.DATA_DIR);
  return new CachingTokenVerifier(verifier);
}
