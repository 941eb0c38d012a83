import { Command, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { ROLES, Role } from '@pathway/auth';
import { Environment } from '@pathway/config';
import { DuplicateUserError, LocalAccounts, MIN_PASSWORD_LENGTH, SqliteUserStore } from '@pathway/users';

/** The first line of standard input (a password piped in), or null when a person is at the terminal. */
async function passwordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  return line.length > 0 ? line : null;
}

/**
 * `pathway users add --role admin --email a@b.se --name "Anna K" [--project P-1 …]`: a local
 * account for the web app (embedded mode). The password is read from standard input when one
 * is piped in; otherwise one is generated and printed once, never stored as such.
 */
export function usersCommand(env: Environment): Command {
  const users = new Command('users').description('local user accounts for the web app (embedded mode)');
  users
    .command('add')
    .description('add a user; pipe a password in, or one is generated and printed once')
    .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory())
    .requiredOption('--email <address>', 'the e-mail address the user signs in with')
    .requiredOption('--name <name>', 'the name shown in the app')
    .option('--project <id>', 'a project the user works in (repeat for several)', (id: string, ids: string[]) => [...ids, id], [])
    .option('--projects <ids>', 'projects the user works in, comma-separated', (ids: string) => ids.split(',').filter(Boolean), [])
    .action(async (options: { role: Role; email: string; name: string; project: string[]; projects: string[] }) => {
      if (env.AUTH_ISSUER) {
        console.error(`Users sign in at ${env.AUTH_ISSUER} (AUTH_ISSUER is set); local accounts are for embedded mode.`);
        process.exitCode = 2;
        return;
      }
      const projects = [...options.project, ...options.projects];
      if (options.role !== 'admin' && projects.length === 0) {
        console.error(`A ${options.role} works in named projects: give at least one --project.`);
        process.exitCode = 2;
        return;
      }
      const piped = await passwordFromStdin();
      if (piped !== null && piped.length < MIN_PASSWORD_LENGTH) {
        console.error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
        process.exitCode = 2;
        return;
      }
      const password = piped ?? randomBytes(15).toString('base64url');
      const accounts = new LocalAccounts(SqliteUserStore.open(env.DATA_DIR));
      try {
        const user = await accounts.add({ email: options.email, displayName: options.name, role: options.role, projects, password });
        console.error(`Added ${user.role} ${user.email} (${user.id}).`);
        if (piped === null) console.log(`Password (shown once; the user signs in with it): ${password}`);
      } catch (error) {
        if (!(error instanceof DuplicateUserError)) throw error;
        console.error(`${options.email} already has an account.`);
        process.exitCode = 1;
      } finally {
        await accounts.close();
      }
    });
  return users;
}
