import { oidcRedirectUri, participantFileLayout, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('defaults to the embedded SQLite store under ./data on port 3000', () => {
    expect(validateEnvironment({})).toMatchObject({ EVENT_STORE: 'sqlite', DATA_DIR: './data', PORT: 3000 });
  });

  it('names the variable and the bad value', () => {
    expect(() => validateEnvironment({ EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE must be one of .*sqlite, kurrentdb.*"mongo"/s);
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
  });

  it('needs a connection string for KurrentDB', () => {
    expect(() => validateEnvironment({ EVENT_STORE: 'kurrentdb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
    expect(
      validateEnvironment({ EVENT_STORE: 'kurrentdb', EVENTSTORE_CONNECTION_STRING: 'kurrentdb://localhost:2113?tls=false' }),
    ).toMatchObject({ EVENT_STORE: 'kurrentdb' });
  });
});

describe('read-model configuration', () => {
  it('defaults to SQLite with the projector in the API process', () => {
    expect(validateEnvironment({})).toMatchObject({ READ_MODEL_DB: 'sqlite', RUN_PROJECTOR: true, PROJECTION_POLL_MS: 50 });
  });

  it('needs a DATABASE_URL for PostgreSQL', () => {
    expect(() => validateEnvironment({ READ_MODEL_DB: 'postgres' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(validateEnvironment({ READ_MODEL_DB: 'postgres', DATABASE_URL: 'postgres://db/pathway', RUN_PROJECTOR: 'false' })).toMatchObject({
      READ_MODEL_DB: 'postgres',
      RUN_PROJECTOR: false,
    });
  });
});

describe('security configuration', () => {
  it('needs an audience with an issuer', () => {
    expect(() => validateEnvironment({ AUTH_ISSUER: 'https://id.example.org/realms/pathway' })).toThrow(/AUTH_AUDIENCE must name the audience/);
    expect(() => validateEnvironment({ AUTH_ISSUER: 'id.example.org', AUTH_AUDIENCE: 'pathway' })).toThrow(/AUTH_ISSUER must be the issuer URL/);
    expect(validateEnvironment({ AUTH_ISSUER: 'http://keycloak:8080/realms/pathway', AUTH_AUDIENCE: 'pathway' })).toMatchObject({ AUTH_AUDIENCE: 'pathway' });
  });

  it('signs in through the provider only with a client, a return address, openid asked for, and never shows the secret', () => {
    const issuer = { AUTH_ISSUER: 'https://id.example.org/realms/pathway', AUTH_AUDIENCE: 'pathway' };
    expect(() => validateEnvironment({ AUTH_CLIENT_ID: 'pathway-web', PUBLIC_URL: 'https://pathway.example.org' })).toThrow(/AUTH_CLIENT_ID needs AUTH_ISSUER/);
    expect(() => validateEnvironment({ ...issuer, AUTH_CLIENT_ID: 'pathway-web' })).toThrow(/AUTH_REDIRECT_URI \(or PUBLIC_URL\) must be set/);
    expect(() => validateEnvironment({ ...issuer, AUTH_CLIENT_ID: 'pathway-web', PUBLIC_URL: 'https://p.example.org', AUTH_SCOPE: 'profile email' })).toThrow(/AUTH_SCOPE must include openid/);
    const secretShown = () => validateEnvironment({ ...issuer, AUTH_CLIENT_ID: 'pathway-web', AUTH_CLIENT_SECRET: 'hunter2', PUBLIC_URL: 'not a url' });
    expect(secretShown).toThrow(/PUBLIC_URL must be the web app's address/);
    expect(secretShown).not.toThrow(/hunter2/);
    const env = validateEnvironment({ ...issuer, AUTH_CLIENT_ID: 'pathway-web', PUBLIC_URL: 'https://pathway.example.org/' });
    expect(env).toMatchObject({ AUTH_SCOPE: 'openid profile email', AUTH_ROLE_CLAIM: 'role', AUTH_PROJECTS_CLAIM: 'projects' });
    expect(oidcRedirectUri(env)).toBe('https://pathway.example.org/api/v1/session/oidc/callback');
    expect(oidcRedirectUri({ ...env, AUTH_REDIRECT_URI: 'https://other.example.org/cb' })).toBe('https://other.example.org/cb');
  });

  it('takes a master key of 64 hex digits, and never shows a bad one', () => {
    const error = (() => {
      try {
        validateEnvironment({ MASTER_KEY: 'not-so-secret-but-still-secret', DATABASE_URL: 'postgres://u:hunter2@db/x', READ_MODEL_DB: 'mongo' });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toMatch(/MASTER_KEY/);
    expect(error).not.toMatch(/not-so-secret|hunter2/);
    expect(validateEnvironment({ MASTER_KEY: 'ab'.repeat(32) }).MASTER_KEY).toBe('ab'.repeat(32));
  });

  it('keeps CORS off and limits requests per token by default', () => {
    expect(validateEnvironment({})).toMatchObject({ CORS_ORIGINS: undefined, RATE_LIMIT_PER_MINUTE: 1200 });
    expect(() => validateEnvironment({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(validateEnvironment({ CORS_ORIGINS: 'https://a.example,http://localhost:5173' }).CORS_ORIGINS).toBe('https://a.example,http://localhost:5173');
  });
});

describe('time zone configuration', () => {
  it('defaults new projects to Europe/Stockholm', () => {
    expect(validateEnvironment({})).toMatchObject({ DEFAULT_TIME_ZONE: 'Europe/Stockholm' });
    expect(validateEnvironment({ DEFAULT_TIME_ZONE: 'Pacific/Auckland' })).toMatchObject({ DEFAULT_TIME_ZONE: 'Pacific/Auckland' });
  });

  it.each(['Mars/Olympus', '+01:00', 'CET', 'europe/stockholm', ''])('refuses DEFAULT_TIME_ZONE=%p, naming it', (zone) => {
    expect(() => validateEnvironment({ DEFAULT_TIME_ZONE: zone })).toThrow(/DEFAULT_TIME_ZONE must be an IANA time zone/);
  });

  it('validates the participant file layout at start, naming the setting and the fault', () => {
    expect(participantFileLayout(validateEnvironment({})).columns.map((c) => c.header)).toEqual(['Personnummer', 'Startdatum', 'Slutdatum', 'Anmärkning']);
    const layout = participantFileLayout(validateEnvironment({ PARTICIPANT_FILE_COLUMNS: '[{"header":"Pnr","field":"identityNumber"}]', PARTICIPANT_FILE_PROTECTED_CODE: '{YYYY}{MM}{DD}{G}' }));
    expect([layout.columns.length, layout.protectedIdentity.template]).toEqual([1, '{YYYY}{MM}{DD}{G}']);
    expect(() => validateEnvironment({ PARTICIPANT_FILE_COLUMNS: '[{"header":"Start","field":"startDate"}]' })).toThrow(/Invalid configuration:\n.*PARTICIPANT_FILE_COLUMNS must have exactly one identityNumber column/s);
    expect(() => validateEnvironment({ PARTICIPANT_FILE_PROTECTED_CODE: 'T29' })).toThrow(/PARTICIPANT_FILE_PROTECTED_CODE must use \{YYYY\}/);
    expect(() => validateEnvironment({ PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS: 'F' })).toThrow(/PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS must be a JSON object/);
  });
});
