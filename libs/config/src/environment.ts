import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync, ValidateBy, ValidateIf } from 'class-validator';
import { isIanaTimeZone } from '@pathway/domain';
import { ParticipantFileConfigError, ParticipantFileLayout, parseParticipantFileLayout } from '@pathway/exports';

/** Validates one of the participant file's settings with the parser the files are written with. */
const participantFileSetting = (key: 'columns' | 'protectedCode' | 'genderLetters') =>
  ValidateBy({
    name: `participantFile.${key}`,
    validator: {
      validate: (value) => {
        try {
          parseParticipantFileLayout({ [key]: value });
          return true;
        } catch (error) {
          if (error instanceof ParticipantFileConfigError) return false;
          throw error;
        }
      },
      defaultMessage: (args) => {
        try {
          parseParticipantFileLayout({ [key]: args?.value as string });
        } catch (error) {
          return (error as Error).message;
        }
        return 'invalid';
      },
    },
  });

/** Every setting the service reads, validated once at start. The README's table lists them. */
export class Environment {
  @IsIn(['sqlite', 'kurrentdb'])
  EVENT_STORE: 'sqlite' | 'kurrentdb' = 'sqlite';

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @ValidateIf((env: Environment) => env.EVENT_STORE === 'kurrentdb')
  @Matches(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\/\S+$/, {
    message: 'EVENTSTORE_CONNECTION_STRING must be a kurrentdb://, esdb:// or kdb:// connection string',
  })
  EVENTSTORE_CONNECTION_STRING?: string;

  @IsIn(['sqlite', 'postgres'])
  READ_MODEL_DB: 'sqlite' | 'postgres' = 'sqlite';

  @ValidateIf((env: Environment) => env.READ_MODEL_DB === 'postgres')
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  /** The API runs the projector in-process (embedded); production runs apps/projector instead. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  RUN_PROJECTOR = true;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  PROJECTION_POLL_MS = 50;

  /** How long a rebuild job's claim holds without renewal (ms): after a crash, another projector resumes it this much later. */
  @Type(() => Number)
  @IsInt()
  @Min(200)
  @Max(600_000)
  REBUILD_LEASE_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Funder exports show counts from 1 to this minus one as suppressed; 0 or 1 turns suppression off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  SUPPRESSION_THRESHOLD = 5;

  /**
   * The reporting periods funders may export, comma-separated: `quarter`, `year`, `project` (the
   * whole period), each as known on a month end after it. One kind keeps exports from differencing.
   */
  @Matches(/^(quarter|year|project)(,(quarter|year|project))*$/, { message: 'FUNDER_REPORTING_PERIODS must be a comma-separated list of quarter, year, project' })
  FUNDER_REPORTING_PERIODS = 'quarter';

  /** The IANA time zone of a project registered without one: its "today" and the end of its days. */
  @ValidateBy({
    name: 'isIanaTimeZone',
    validator: {
      validate: (value) => isIanaTimeZone(value),
      defaultMessage: () => 'DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/Stockholm (no offsets or abbreviations)',
    },
  })
  DEFAULT_TIME_ZONE = 'Europe/Stockholm';

  /** Comma-separated `host:port` list; unset, the Kafka relay is off. */
  @IsOptional()
  @Matches(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS?: string;

  @IsString()
  @MinLength(1)
  KAFKA_CLIENT_ID = 'pathway';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 6;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_REPLICATION_FACTOR = 1;

  /** With a number, an empty event store is filled with that many demo participants at start. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  DEMO_PARTICIPANTS = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  BODY_LIMIT_KB = 100;

  /** An OpenID Connect issuer whose tokens the API accepts; unset, a local signing key in DATA_DIR issues them. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'AUTH_ISSUER must be the issuer URL, e.g. https://id.example.org/realms/pathway' })
  AUTH_ISSUER?: string;

  /** The `aud` the issuer's tokens carry for this API. */
  @ValidateIf((env: Environment) => env.AUTH_ISSUER !== undefined)
  @IsString({ message: 'AUTH_AUDIENCE must name the audience when AUTH_ISSUER is set' })
  @MinLength(1, { message: 'AUTH_AUDIENCE must name the audience when AUTH_ISSUER is set' })
  AUTH_AUDIENCE?: string;

  /**
   * The web app's client at AUTH_ISSUER: set, the app signs people in there (authorization code
   * with PKCE, exchanged by the server); unset with AUTH_ISSUER, the API takes bearer tokens only.
   */
  @IsOptional()
  @ValidateBy({
    name: 'needsIssuer',
    validator: { validate: (value, args) => typeof value === 'string' && value.length > 0 && (args?.object as Environment).AUTH_ISSUER !== undefined, defaultMessage: () => 'AUTH_CLIENT_ID needs AUTH_ISSUER (the provider the client is registered at)' },
  })
  AUTH_CLIENT_ID?: string;

  /** The client's secret when it is registered as confidential (recommended); unset, a public client with PKCE only. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_CLIENT_SECRET?: string;

  /** Where people reach the web app, e.g. https://pathway.example.org: the sign-in's return address is made from it. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true }, { message: 'PUBLIC_URL must be the web app\'s address, e.g. https://pathway.example.org' })
  PUBLIC_URL?: string;

  /** The redirect URI registered for the client; default PUBLIC_URL + /api/v1/session/oidc/callback. */
  @ValidateIf((env: Environment) => env.AUTH_CLIENT_ID !== undefined && (env.PUBLIC_URL === undefined || env.AUTH_REDIRECT_URI !== undefined))
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'AUTH_REDIRECT_URI (or PUBLIC_URL) must be set to an http(s) URL when AUTH_CLIENT_ID is set' })
  AUTH_REDIRECT_URI?: string;

  /** The scopes asked for at sign-in; must include openid, and whatever scope makes the provider add the role and projects claims. */
  @Matches(/(^|\s)openid(\s|$)/, { message: 'AUTH_SCOPE must include openid' })
  AUTH_SCOPE = 'openid profile email';

  /** The claim (or dotted path, e.g. realm_access.roles) holding the Pathway role, in tokens and ID tokens. */
  @Matches(/^[^\s.]+(\.[^\s.]+)*$/, { message: 'AUTH_ROLE_CLAIM must be a claim name or a dotted path such as realm_access.roles' })
  AUTH_ROLE_CLAIM = 'role';

  /** The claim (or dotted path) holding the list of project ids. */
  @Matches(/^[^\s.]+(\.[^\s.]+)*$/, { message: 'AUTH_PROJECTS_CLAIM must be a claim name or a dotted path' })
  AUTH_PROJECTS_CLAIM = 'projects';

  /** Wraps every participant's data key; the API needs it with PostgreSQL, and makes one in DATA_DIR when unset in embedded mode. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'MASTER_KEY must be 64 hex digits (32 random bytes)' })
  MASTER_KEY?: string;

  /** While the master key is being replaced: the one before, so keys it wrapped still open until `pathway keys rewrap`. */
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'MASTER_KEY_PREVIOUS must be 64 hex digits (32 random bytes)' })
  MASTER_KEY_PREVIOUS?: string;

  /** Comma-separated origins that browsers may call the API from; unset, CORS stays off. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, { message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins' })
  CORS_ORIGINS?: string;

  /** Requests per minute per token subject, across all routes; 0 turns the limit off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE = 1200;

  /**
   * The monthly participant file's columns (SCB), as JSON: `[{"header":"Personnummer","field":"identityNumber"}, …]`;
   * unset, Personnummer, Startdatum, Slutdatum, Anmärkning. See the README, "Monthly participant file (SCB)".
   */
  @IsOptional()
  @participantFileSetting('columns')
  PARTICIPANT_FILE_COLUMNS?: string;

  /** The replacement code written for a person with protected identity: `{YYYY}{MM}{DD}` birth date, `{G}` gender letter. */
  @participantFileSetting('protectedCode')
  PARTICIPANT_FILE_PROTECTED_CODE = '{YYYY}{MM}{DD}T{G}29';

  /** The gender letters of the replacement code, as JSON from woman, man, non-binary to a letter. */
  @participantFileSetting('genderLetters')
  PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS = '{"woman":"F","man":"M"}';
}

/** The participant file's layout from the (validated) settings. */
export const participantFileLayout = (env: Pick<Environment, 'PARTICIPANT_FILE_COLUMNS' | 'PARTICIPANT_FILE_PROTECTED_CODE' | 'PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS'>): ParticipantFileLayout =>
  parseParticipantFileLayout({ columns: env.PARTICIPANT_FILE_COLUMNS, protectedCode: env.PARTICIPANT_FILE_PROTECTED_CODE, genderLetters: env.PARTICIPANT_FILE_PROTECTED_GENDER_LETTERS });

/** Never echoed in a configuration error: they hold keys or passwords. */
const SECRETS = new Set(['MASTER_KEY', 'MASTER_KEY_PREVIOUS', 'DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'AUTH_CLIENT_SECRET']);

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const reasons = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((reason) => `  - ${reason} (got ${SECRETS.has(e.property) ? 'a value not shown' : JSON.stringify(e.value)})`));
    throw new Error(`Invalid configuration:\n${reasons.join('\n')}`);
  }
  return env;
}

/** The sign-in's return address at the web app: AUTH_REDIRECT_URI, else made from PUBLIC_URL. */
export function oidcRedirectUri(env: Pick<Environment, 'AUTH_REDIRECT_URI' | 'PUBLIC_URL'>): string {
  return env.AUTH_REDIRECT_URI ?? `${env.PUBLIC_URL!.replace(/\/+$/, '')}/api/v1/session/oidc/callback`;
}
