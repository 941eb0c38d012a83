import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { collectDefaultMetrics, Gauge, register, Registry } from 'prom-client';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { projectionStatus, ReadModelDb } from '@pathway/read-models';
import { READ_MODELS, RebuildJobs } from '@pathway/runtime';
import { Public } from '../auth/access.decorator';

// The process's own figures (CPU, memory, event-loop lag, garbage collection), once per process.
collectDefaultMetrics({ prefix: 'pathway_' });

/**
 * Prometheus metrics (prom-client). The projection and rebuild gauges are read from the
 * read-model database at each scrape, so they are true whichever process projects. Alert on
 * `pathway_projection_failed == 1`: a projection stopped at an event it cannot apply.
 */
@ApiTags('operations')
@Controller('metrics')
@SkipThrottle()
export class MetricsController {
  /** This app's own gauges; other metrics go to prom-client's default registry and are served too. */
  private readonly registry = new Registry();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
  ) {
    const statuses = async () => projectionStatus(this.readModels.db, await this.store.headPosition());
    const jobs = new RebuildJobs(readModels.db);
    const registers = [this.registry];
    new Gauge({
      name: 'pathway_projection_failed',
      help: '1 while the projection is stopped at an event it cannot apply (GET /api/v1/projections says where and why)',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.state === 'failed' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'pathway_projection_position',
      help: 'The last log position the projection applied',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.position);
      },
    });
    new Gauge({
      name: 'pathway_projection_lag_events',
      help: 'Events in the log the projection has not applied yet',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const s of await statuses()) this.set({ projection: s.name }, s.lag);
      },
    });
    const lagSeconds: Gauge<'projection'> = new Gauge({
      name: 'pathway_projection_lag_seconds',
      help: 'How long ago the store committed the oldest event the projection has not applied yet (0 when caught up)',
      labelNames: ['projection'],
      registers,
      collect: async () => {
        for (const s of await statuses()) {
          const [next] = s.lag > 0 ? await this.store.readAll(s.position, 1) : [];
          lagSeconds.set({ projection: s.name }, next ? Math.max(0, (Date.now() - Date.parse(next.committedAt)) / 1000) : 0);
        }
      },
    });
    new Gauge({
      name: 'pathway_rebuild_processed_events',
      help: 'Log positions the running rebuild has applied (0 when none runs)',
      registers,
      async collect() {
        const active = await jobs.active();
        this.set(active?.status === 'running' ? active.processed : 0);
      },
    });
  }

  @Get()
  @Public()
  @Header('Content-Type', register.contentType)
  async metrics(): Promise<string> {
    return `${await register.metrics()}\n${await this.registry.metrics()}`;
  }
}
