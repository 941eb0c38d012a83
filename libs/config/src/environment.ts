import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, ValidateIf } from 'class-validator';

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
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const reasons = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((reason) => `  - ${reason} (got ${JSON.stringify(e.value)})`));
    throw new Error(`Invalid configuration:\n${reasons.join('\n')}`);
  }
  return env;
}
