import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '@pathway/config';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { KafkaRelay } from '@pathway/integration';
import { LiveFollower, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS } from './read-models.module';

/** With KAFKA_BROKERS set, publishes integration events wherever the projector runs. */
@Injectable()
export class KafkaRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('KafkaRelay');
  private relay: KafkaRelay | null = null;
  private follower: LiveFollower | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const brokers = this.config.get('KAFKA_BROKERS', { infer: true });
    if (!brokers || !this.config.get('RUN_PROJECTOR')) return;
    this.relay = new KafkaRelay(this.store, this.readModels.db, {
      brokers: brokers.split(','),
      clientId: this.config.get('KAFKA_CLIENT_ID'),
      partitions: this.config.get('KAFKA_TOPIC_PARTITIONS'),
      replicationFactor: this.config.get('KAFKA_REPLICATION_FACTOR'),
    });
    // It connects on its first step, and reconnects after a failure: a broker that is down
    // delays publishing but never stops the service starting.
    this.follower = new LiveFollower(this.relay, {
      pollIntervalMs: this.config.get('PROJECTION_POLL_MS'),
      onError: (error) => this.logger.error(`Relay failed, resending from its checkpoint: ${(error as Error).message}`),
    });
    this.follower.start();
    this.logger.log(`Relaying integration events to ${brokers}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.follower?.stop();
    await this.relay?.disconnect();
  }
}
