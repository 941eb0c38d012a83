import { validateEnvironment } from './environment';

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
