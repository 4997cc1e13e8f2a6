import { InvalidArgumentError, type Command } from 'commander';
import { AppError } from '../../core/app-error.js';
import type { ServiceContext } from '../../services/context.js';
import { createToken, listTokens } from '../../services/tokens.js';
import { listUsers, type User } from '../../services/users.js';
import { cliPageSize } from '../cli-page-size.js';
import { actAsOrganization } from '../cli-actor.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { renderTable } from '../render-table.js';

interface TokenCreateOptions {
  readonly name: string;
  readonly expiresDays?: number;
  readonly user?: string;
  readonly json?: boolean;
}

/** `token create|list`: API tokens for users of the `--org` organization. */
export function tokenCommands(program: Command, ctx: CommandContext): void {
  const token = program.command('token').description('manage API tokens (needs --org)');

  token
    .command('create')
    .description("create an API token for a user (default: the organization's first admin); printed once on stdout")
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--expires-days <n>', 'days until the token expires (default: never)', parseDays)
    .option('--user <email>', 'user the token acts as')
    .option('--json', 'print the token record and secret as JSON')
    .action(async (options: TokenCreateOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const created = await withStore(ctx.io, globals, async (store) => {
        const service = await actAsOrganization(store, ctx.io, globals);
        const user = await findUser(service, options.user);
        return createToken(service, {
          userId: user.id,
          name: options.name,
          ...(options.expiresDays === undefined ? {} : { expiresInDays: options.expiresDays }),
        });
      });
      if (options.json) printJson(ctx, { ...created.token, token: created.plaintext });
      else ctx.io.stdout.write(`${created.plaintext}\n`);
    });

  token
    .command('list')
    .description('list the API tokens of the organization (never their secrets)')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const tokens = await withStore(ctx.io, globals, async (store) =>
        listTokens(await actAsOrganization(store, ctx.io, globals), { limit: cliPageSize }),
      );
      if (options.json) printJson(ctx, tokens);
      else
        ctx.io.stdout.write(
          renderTable(
            ['ID', 'NAME', 'PREFIX', 'EXPIRES', 'REVOKED'],
            tokens.map((t) => [t.id, t.name, t.tokenPrefix, t.expiresAt ?? 'never', t.revokedAt ?? '']),
          ),
        );
    });
}

async function findUser(ctx: ServiceContext, email: string | undefined): Promise<User> {
  const users = await listUsers(ctx, { limit: cliPageSize });
  const user =
    email === undefined ? users.find((u) => u.role === 'admin') : users.find((u) => u.email === email.toLowerCase());
  if (user === undefined) {
    throw new AppError(
      'not-found',
      email === undefined ? 'the organization has no admin user' : `no user with email ${email}`,
    );
  }
  return user;
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive number of days');
  return n;
}
