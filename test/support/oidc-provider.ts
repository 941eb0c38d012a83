import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** How the test provider can make its next ID tokens wrong (see oidc-provider.mjs). */
export type TamperMode = 'none' | 'signature' | 'foreign-key' | 'aud' | 'iss' | 'nonce' | 'expired';

export interface TestProvider {
  issuer: string;
  tamper(mode: TamperMode): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real OpenID Connect provider of test/support/oidc-provider.mjs in a child process.
 * It never skips: a provider that cannot start fails the test (in CI and everywhere else).
 */
export async function startTestProvider(settings: { redirectUris: string[]; postLogoutRedirectUris: string[] }): Promise<TestProvider> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs'), JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The test OpenID provider did not start within 20 s: ${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line!) as { issuer: string }).issuer);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The test OpenID provider exited with ${code}: ${stderr}`));
    });
  });
  return {
    issuer,
    tamper: async (mode) => {
      const response = await fetch(`${issuer}/test-control/tamper`, { method: 'POST', body: mode });
      if (response.status !== 204) throw new Error(`tamper ${mode}: ${response.status}`);
    },
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A port free now, for an app whose address must be known before it starts (the provider's redirect URI names it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * What a browser does with redirects and cookies, over plain fetch: each request by hand
 * (redirect: 'manual'), cookies kept per origin and sent back, deleted when the server expires them.
 */
export class BrowserLike {
  private readonly cookies = new Map<string, Map<string, string>>();

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, ...value] = pair!.trim().split('=');
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value.join('=') === '') jar.delete(name!);
      else jar.set(name!, value.join('='));
    }
    this.cookies.set(origin, jar);
    return response;
  }

  /** Follows redirects from `url` until a page (or `until` says stop); returns the last response and its URL. */
  async follow(url: string, until: (url: URL) => boolean = () => false, init: Parameters<BrowserLike['request']>[1] = {}): Promise<{ response: Response; url: URL }> {
    let current = new URL(url);
    let response = await this.request(current.href, init);
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error('Too many redirects');
      current = new URL(response.headers.get('location')!, current);
      if (until(current)) break;
      response = await this.request(current.href);
    }
    return { response, url: current };
  }

  cookie(origin: string, name: string): string | undefined {
    return this.cookies.get(origin)?.get(name);
  }
}
