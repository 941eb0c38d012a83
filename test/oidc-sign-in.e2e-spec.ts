import { BrowserLike, freePort, startTestProvider, TamperMode, TestProvider } from './support/oidc-provider';
import { removeDir, startApp, TestApp } from './support/test-app';

/**
 * The web app's sign-in at the organisation's OpenID Connect provider (AUTH_ISSUER and
 * AUTH_CLIENT_ID set), against a real provider (oidc-provider) and the real app on a real port,
 * driven like a browser: redirects followed, cookies kept, the provider's login form posted.
 */
describe("sign-in at the organisation's OpenID Connect provider", () => {
  let provider: TestProvider;
  let t: TestApp;
  let base: string;
  const callbackPath = '/api/v1/session/oidc/callback';
  const atApp = (url: URL) => url.origin === base && !url.pathname.startsWith('/api/');
  const atCallback = (url: URL) => url.origin === base && url.pathname === callbackPath;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUris: [`${base}${callbackPath}`], postLogoutRedirectUris: [`${base}/sign-in?signedOut`] });
    t = await startApp(undefined, {
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: 'pathway-api',
      AUTH_CLIENT_ID: 'pathway-web',
      AUTH_CLIENT_SECRET: 'pathway-web-secret',
      AUTH_SCOPE: 'openid profile email pathway',
      PUBLIC_URL: base,
    });
    await t.app.listen(port, '127.0.0.1');
  });
  afterEach(async () => {
    jest.useRealTimers();
    await provider.tamper('none');
  });
  afterAll(async () => {
    await t?.close();
    if (t) removeDir(t.dataDir);
    await provider?.stop();
  });

  /**
   * Starts a sign-in, logs in at the provider's login page as `login`, and stops where the
   * provider sends the browser back (before the app's callback), so a test can change the answer.
   */
  async function signInAtProvider(login: string, changeRequest: (authorization: URL) => void = () => undefined) {
    const browser = new BrowserLike();
    const start = await browser.request(`${base}/api/v1/session/oidc/start`);
    expect(start.status).toBe(303);
    const authorization = new URL(start.headers.get('location')!);
    changeRequest(authorization);
    const { response: loginPage, url: interaction } = await browser.follow(authorization.href);
    expect(loginPage.status).toBe(200);
    expect(await loginPage.text()).toContain('name="login"');
    const { url: callback } = await browser.follow(interaction.href, atCallback, { form: { prompt: 'login', login, password: 'any password' } });
    expect(atCallback(callback)).toBe(true);
    return { browser, start, authorization, callback };
  }

  /** Lets the app's callback answer; returns where it sent the browser and the session cookie, if any. */
  async function finish(browser: BrowserLike, callback: URL) {
    const { url } = await browser.follow(callback.href, atApp);
    return { landedOn: `${url.pathname}${url.search}`, session: browser.cookie(base, 'pathway_session') };
  }

  const whoAmI = (session: string) => fetch(`${base}/api/v1/session`, { headers: { cookie: `pathway_session=${session}` } });

  it('says the app signs in at the organisation, and refuses local passwords', async () => {
    expect(await (await fetch(`${base}/api/v1/session/config`)).json()).toEqual({ method: 'organisation' });
    const password = await t.anonymous().post('/api/v1/session').send({ email: 'anna@example.org', password: 'whatever it is' }).expect(404);
    expect(password.body.code).toBe('AUTH.LOCAL_ACCOUNTS_OFF');
  });

  it('signs in with the code flow and PKCE: the same session cookie as a local sign-in, the role and projects from the claims', async () => {
    const { browser, start, authorization, callback } = await signInAtProvider('anna');
    // The request: S256 challenge, state and nonce; the verifier stays on the server.
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: 'pathway-web',
      response_type: 'code',
      redirect_uri: `${base}${callbackPath}`,
      scope: 'openid profile email pathway',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(authorization.searchParams.has('code_verifier')).toBe(false);
    expect(start.headers.getSetCookie()[0]).toMatch(/^pathway_sign_in=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/api\/v1\/session\/oidc; Expires=.+; HttpOnly; SameSite=Lax$/);

    const callbackResponse = await browser.request(callback.href);
    expect(callbackResponse.status).toBe(303);
    expect(callbackResponse.headers.get('location')).toBe('/');
    const cookies = callbackResponse.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('pathway_session='))).toMatch(/^pathway_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/);
    expect(cookies.find((c) => c.startsWith('pathway_sign_in='))).toMatch(/^pathway_sign_in=; Path=\/api\/v1\/session\/oidc; Expires=Thu, 01 Jan 1970/);

    const session = browser.cookie(base, 'pathway_session')!;
    expect(await (await whoAmI(session)).json()).toEqual({ id: 'anna', email: 'anna@example.org', displayName: 'Anna Karlsson', role: 'caseworker', projects: ['22-015-S01'] });
    // The one access policy: a caseworker's limits hold for this session too.
    const cookie = { cookie: `pathway_session=${session}` };
    expect((await fetch(`${base}/api/v1/audit`, { headers: cookie })).status).toBe(403);
    expect((await fetch(`${base}/api/v1/projects/P-2/participants`, { headers: cookie })).status).toBe(404);

    // The provider's answer works once: the same callback again belongs to no sign-in in progress.
    expect(await finish(browser, callback)).toMatchObject({ landedOn: '/sign-in?error=AUTH.OIDC_STATE_MISMATCH' });
  });

  it("lists the provider's users with a session, read-only, with the claims their role and projects come from", async () => {
    const anna = await signInAtProvider('anna');
    expect((await finish(anna.browser, anna.callback)).session).toBeTruthy();
    const ada = await signInAtProvider('ada');
    const { session } = await finish(ada.browser, ada.callback);
    const list = await fetch(`${base}/api/v1/users`, { headers: { cookie: `pathway_session=${session}` } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { users: unknown[] };
    expect(body).toMatchObject({ source: 'provider', claims: { role: 'role', projects: 'projects' } });
    expect(body.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'ada@example.org', displayName: 'Ada Admin', role: 'admin', projects: [], disabled: false, version: null }),
        expect.objectContaining({ email: 'anna@example.org', role: 'caseworker', projects: ['22-015-S01'] }),
      ]),
    );
  });

  it('refuses an answer whose state is not the one this browser was given, or that reaches another browser', async () => {
    const { browser, callback } = await signInAtProvider('anna');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(43));
    expect(await finish(browser, forged)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_STATE_MISMATCH', session: undefined });

    // Login CSRF: an attacker's own code and state, sent to a victim's browser that started nothing.
    const attacker = await signInAtProvider('anna');
    expect(await finish(new BrowserLike(), attacker.callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_STATE_MISMATCH', session: undefined });
  });

  it('refuses an answer naming another issuer (RFC 9207), and a code issued for another PKCE challenge', async () => {
    const other = await signInAtProvider('anna');
    const forged = new URL(other.callback);
    forged.searchParams.set('iss', 'https://id.example.org');
    expect(await finish(other.browser, forged)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_REJECTED', session: undefined });

    const swapped = await signInAtProvider('anna', (authorization) => authorization.searchParams.set('code_challenge', 'A'.repeat(43)));
    expect(await finish(swapped.browser, swapped.callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_REJECTED', session: undefined });
  });

  it('refuses an ID token for another sign-in (its nonce)', async () => {
    const { browser, callback } = await signInAtProvider('anna', (authorization) => authorization.searchParams.set('nonce', 'n'.repeat(43)));
    expect(await finish(browser, callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_REJECTED', session: undefined });
  });

  it.each<[TamperMode, string]>([
    ['signature', 'a claim changed after signing'],
    ['foreign-key', 'signed with a key the provider does not publish'],
    ['aud', 'for another client'],
    ['iss', 'from another issuer'],
    ['nonce', 'with the nonce of another sign-in'],
    ['expired', 'expired'],
  ])('refuses an ID token %s (%s), though the provider answered the code', async (mode) => {
    const { browser, callback } = await signInAtProvider('anna');
    await provider.tamper(mode);
    expect(await finish(browser, callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_REJECTED', session: undefined });
  });

  it('refuses an account whose claims name no Pathway role, with the code the sign-in page explains', async () => {
    const { browser, callback } = await signInAtProvider('nils');
    expect(await finish(browser, callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_ROLE_UNKNOWN', session: undefined });
  });

  it('says so when the person cancels at the provider', async () => {
    const browser = new BrowserLike();
    const { url: interaction } = await browser.follow(`${base}/api/v1/session/oidc/start`);
    const { url: callback } = await browser.follow(`${interaction.href}/abort`, atCallback);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(await finish(browser, callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_DENIED', session: undefined });
  });

  it('refuses a sign-in finished more than 10 minutes after it started', async () => {
    const { browser, callback } = await signInAtProvider('anna');
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
    jest.setSystemTime(Date.now() + 10 * 60_000 + 1000);
    expect(await finish(browser, callback)).toEqual({ landedOn: '/sign-in?error=AUTH.OIDC_EXPIRED', session: undefined });
  });

  it('ends the session after 30 idle minutes, like a local one', async () => {
    const { browser, callback } = await signInAtProvider('anna');
    const { session } = await finish(browser, callback);
    expect((await whoAmI(session!)).status).toBe(200);
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
    jest.setSystemTime(Date.now() + 30 * 60_000);
    const after = await whoAmI(session!);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it("signs out here and sends the browser to the provider's sign-out, with the ID token as the hint", async () => {
    const { browser, callback } = await signInAtProvider('anna');
    const { session } = await finish(browser, callback);
    const signOut = await browser.request(`${base}/api/v1/session`, { method: 'DELETE', headers: { 'x-requested-with': 'test' } });
    expect(signOut.status).toBe(200);
    const { signOutUrl } = (await signOut.json()) as { signOutUrl: string };
    const endSession = new URL(signOutUrl);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/sign-in?signedOut`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(browser.cookie(base, 'pathway_session')).toBeUndefined();
    expect((await whoAmI(session!)).status).toBe(401);
    // The provider knows the hint and asks the person to confirm.
    expect((await browser.request(signOutUrl)).status).toBe(200);
  });

  it('signs in as a public client too (no secret: PKCE alone proves who redeems the code)', async () => {
    // @nestjs/config copied the first app's settings into process.env, where this app would find the secret.
    delete process.env.AUTH_CLIENT_SECRET;
    const publicApp = await startApp(undefined, {
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: 'pathway-api',
      AUTH_CLIENT_ID: 'pathway-web-public',
      AUTH_SCOPE: 'openid profile email pathway',
      AUTH_REDIRECT_URI: `${base}${callbackPath}`,
    });
    try {
      // The provider sends the browser back to `base` (the redirect URI registered); this app answers there instead.
      const server = publicApp.app.getHttpServer();
      const { default: request } = await import('supertest');
      const start = await request(server).get('/api/v1/session/oidc/start').expect(303);
      const browser = new BrowserLike();
      const { url: interaction } = await browser.follow(start.headers.location!);
      const { url: callback } = await browser.follow(interaction.href, atCallback, { form: { prompt: 'login', login: 'anna', password: 'any password' } });
      const pending = ([] as string[]).concat(start.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
      const finished = await request(server).get(`${callback.pathname}${callback.search}`).set('Cookie', pending).expect(303);
      expect(finished.headers.location).toBe('/');
      const session = ([] as string[]).concat(finished.headers['set-cookie'] ?? []).find((c) => c.startsWith('pathway_session='))!.split(';')[0]!;
      expect((await request(server).get('/api/v1/session').set('Cookie', session).expect(200)).body).toMatchObject({ id: 'anna', role: 'caseworker' });
    } finally {
      await publicApp.close();
      removeDir(publicApp.dataDir);
    }
  });

  it('sends the person back with a clear code when the provider cannot be reached', async () => {
    const cutOff = await startApp(undefined, { AUTH_ISSUER: 'http://127.0.0.1:9/nowhere', AUTH_AUDIENCE: 'pathway-api', AUTH_CLIENT_ID: 'pathway-web', PUBLIC_URL: base });
    try {
      const start = await cutOff.anonymous().get('/api/v1/session/oidc/start').expect(303);
      expect(start.headers.location).toBe('/sign-in?error=AUTH.OIDC_UNAVAILABLE');
      expect(start.headers['set-cookie']).toBeUndefined();
    } finally {
      await cutOff.close();
      removeDir(cutOff.dataDir);
    }
  });
});
