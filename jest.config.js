/**
 * Three tiers by file suffix: `*.spec.ts` pure units, `*.int-spec.ts` against real stores
 * (SQLite files, PostgreSQL, Kafka), `*.e2e-spec.ts` through HTTP and the CLI.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  // jose, openid-client (with oauth4webapi) and intl-messageformat (the web app's catalogue test)
  // ship only ES modules; jest's module system needs them compiled to CommonJS.
  transform: { '^.+\\.ts$': swc, '/node_modules/(jose|openid-client|oauth4webapi|intl-messageformat|@formatjs)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/|openid-client/|oauth4webapi/|intl-messageformat/|@formatjs/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@pathway/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
};

// KurrentDB cannot be installed here: its contract run needs a server named by this variable.
const withoutKurrentDb = process.env.EVENTSTORE_CONNECTION_STRING ? [] : ['/kurrentdb/'];

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.js',
  // Not a performance bound (benchmarks measure speed): room for a CI machine under load, where
  // starting an app or a CLI process took more than jest's default 5 s. A global option: jest
  // ignores it inside a project's configuration.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...withoutKurrentDb],
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
