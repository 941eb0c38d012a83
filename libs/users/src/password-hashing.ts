import argon2 from 'argon2';

/**
 * The `argon2` package (the reference C implementation; its prebuilt binaries ship inside the
 * package, so the Docker build's `--omit=optional` keeps them, unlike @node-rs/argon2's).
 * argon2id with the parameters of OWASP's password storage cheat sheet (second option:
 * m = 19 MiB, t = 2, p = 1). The PHC string keeps the parameters, so raising them later still
 * verifies old hashes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The PHC string (`$argon2id$v=19$m=19456,p=1,t=2$…`) to store for a password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** Whether the password matches the stored PHC string; a malformed string is simply no match. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody knows, verified when the e-mail address is unknown so that a
 * sign-in takes as long for a missing account as for a wrong password (no account enumeration
 * by timing).
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= argon2.hash('decoy password that matches nothing', OPTIONS));

/** Passwords have at least this many characters (NIST SP 800-63B §5.1.1.2 asks for 8 at least). */
export const MIN_PASSWORD_LENGTH = 12;
