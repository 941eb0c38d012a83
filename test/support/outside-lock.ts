import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Another program (a backup tool, an analyst's SQLite browser) holding `BEGIN EXCLUSIVE` on an
 * SQLite file: a real process of its own, until `release()`.
 */
export async function holdExclusiveLock(file: string): Promise<{ release(): Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    process.stdin.on('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
  `;
  const child: ChildProcess = spawn('node', ['-e', script, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [data] = (await once(child.stdout!, 'data')) as [Buffer];
  if (!data.toString().includes('locked')) throw new Error('the lock holder did not lock');
  return {
    release: async () => {
      if (child.exitCode !== null) return;
      child.stdin!.write('release\n');
      await once(child, 'exit');
    },
  };
}
