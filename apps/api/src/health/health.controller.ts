import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Response } from 'express';
import { AuditLog } from '@pathway/audit';
import { Environment } from '@pathway/config';
import { EVENT_STORE, EventStore } from '@pathway/event-store';
import { KeyStore } from '@pathway/privacy';
import { projectionStatus, ReadModelDb } from '@pathway/read-models';
import { AUDIT_LOG, KEY_STORE, READ_MODELS } from '@pathway/runtime';
import { Public } from '../auth/access.decorator';
import { check, probeDataDir } from './readiness';

@ApiTags('operations')
@Controller('health')
@SkipThrottle()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDb,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Up when the event store answers; the head position shows how far the log has grown. Kept for older probes: prefer /health/ready. */
  @Get()
  @Public()
  async health() {
    try {
      return { status: 'up', eventStore: { status: 'up', headPosition: await this.store.headPosition() } };
    } catch {
      throw new ServiceUnavailableException('The event store does not answer');
    }
  }

  /** Liveness: the process runs and its event loop answers. Nothing else is asked, so a sick database never gets the process restarted. */
  @Get('live')
  @Public()
  live() {
    return { status: 'up' };
  }

  /**
   * Readiness: 200 only when every store a request may need answers (the event store and its
   * write path, the read-model database, the key store, the audit log); 503 otherwise, with
   * each check's state and, for one that is down, its storage code and cause. The projection's
   * state is shown but does not decide: reads are served while it catches up, and a failed
   * projection raises its own alert (`pathway_projection_failed`).
   */
  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) response: Response) {
    const sqlite = this.config.get('EVENT_STORE') === 'sqlite';
    const [eventStore, writePath, readModels, keyStore, auditLog] = await Promise.all([
      check(async () => ({ headPosition: await this.store.headPosition() })),
      check(async () => (sqlite ? probeDataDir(this.config.get('DATA_DIR')) : undefined)),
      check(async () => void (await this.readModels.db.selectFrom('checkpoints').select('name').limit(1).execute())),
      check(async () => void (await this.keys.find('health-probe'))),
      check(async () => void (await this.audit.query({ participantId: 'health-probe', limit: 1 }))),
    ]);
    const checks = { eventStore, writePath, readModels, keyStore, auditLog };
    const ready = Object.values(checks).every((c) => c.status === 'up');
    const projections =
      eventStore.status === 'up' && readModels.status === 'up'
        ? await projectionStatus(this.readModels.db, eventStore.headPosition as number).catch(() => [])
        : [];
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks, projections };
  }
}
