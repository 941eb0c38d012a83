import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pathway/event-store';
import { CommandDependencies } from './command-context';
import { registerProject } from './project-commands';
import { todayInProject } from './project-today';

describe("today in a participant's project", () => {
  let dir: string;
  let deps: CommandDependencies;
  let clock: Date;
  const caller = { actor: 'admin-1', actorRole: 'admin', correlationId: 'c-1' };
  const project = (projectId: string, timeZone: string) => ({
    projectId, name: projectId, owner: 'O', fund: 'ESF+', programme: 'X', specificObjective: 'A2A', region: 'SE12',
    startDate: '2026-01-01', endDate: '2027-12-31', plannedParticipants: 10, timeZone,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathway-today-'));
    deps = { store: new SqliteEventStore(join(dir, 'events.db')), now: () => clock, newId: randomUUID };
    clock = new Date('2026-01-01T12:00:00Z');
    await registerProject(deps, project('STO', 'Europe/Stockholm'), caller);
    await registerProject(deps, project('AKL', 'Pacific/Auckland'), caller);
  });
  afterAll(async () => {
    await deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the date of the injected clock in the project zone', async () => {
    clock = new Date('2026-03-14T23:30:00Z');
    expect(await todayInProject(deps, 'STO')).toBe('2026-03-15');
    clock = new Date('2026-03-14T10:30:00Z');
    expect(await todayInProject(deps, 'AKL')).toBe('2026-03-14');
    clock = new Date('2026-03-14T11:30:00Z');
    expect(await todayInProject(deps, 'AKL')).toBe('2026-03-15');
    expect(await todayInProject(deps, 'STO')).toBe('2026-03-14');
  });

  it('falls back to the UTC date without a project (the decider refuses such a command anyway)', async () => {
    clock = new Date('2026-03-14T23:30:00Z');
    expect(await todayInProject(deps, null)).toBe('2026-03-14');
    expect(await todayInProject(deps, 'NOPE')).toBe('2026-03-14');
  });
});
