import { Command, InvalidArgumentError, Option } from 'commander';
import { randomUUID } from 'node:crypto';
import { ROLES } from '@pathway/auth';
import { Environment, openLocalTokens } from '@pathway/config';

const EXPIRY = /^\d+\s?(s|m|h|d)$/;

/**
 * `pathway token --role caseworker --project 22-015-S01 --name "Anna K"`: a token signed by the
 * embedded installation's key, for trying the API out. With an OpenID issuer, sign in there instead.
 */
export function tokenCommand(env: Environment): Command {
  return new Command('token')
    .description("mint a bearer token with this installation's local signing key (embedded mode)")
    .addOption(new Option('--role <role>', 'the role the token grants').choices(ROLES).makeOptionMandatory())
    .option('--project <id>', 'a project the holder works in (repeat for several)', (id: string, ids: string[]) => [...ids, id], [])
    .option('--name <name>', 'who holds it (a claim for people reading the token; the API records only the subject)')
    .option('--subject <id>', 'the subject the token names (events and the audit log record it)')
    .option('--expires-in <duration>', 'how long it holds, e.g. 30m, 8h, 7d', (value: string) => {
      if (!EXPIRY.test(value)) throw new InvalidArgumentError('a number and s, m, h or d, e.g. 8h');
      return value;
    }, '8h')
    .action(async (options: { role: (typeof ROLES)[number]; project: string[]; name?: string; subject?: string; expiresIn: string }) => {
      if (env.AUTH_ISSUER) {
        console.error(`Tokens come from ${env.AUTH_ISSUER} (AUTH_ISSUER is set); this command only mints for embedded mode.`);
        process.exitCode = 2;
        return;
      }
      if (options.role !== 'admin' && options.project.length === 0) {
        console.error(`A ${options.role} works in named projects: give at least one --project.`);
        process.exitCode = 2;
        return;
      }
      const subject = options.subject ?? `local:${randomUUID()}`;
      const tokens = await openLocalTokens(env.DATA_DIR);
      console.log(await tokens.mint({ subject, role: options.role, projects: options.project, name: options.name, expiresIn: options.expiresIn }));
      console.error(`${options.role} token for subject ${subject}, valid ${options.expiresIn}`);
    });
}
