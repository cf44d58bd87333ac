#!/usr/bin/env node
/** The `vcc` command (docs/contracts.md §4). */
import 'reflect-metadata';
import { RULESETS } from '@vcc/rules';
import { Command, InvalidArgumentError, Option } from 'commander';
import { evaluateCommand } from './commands/evaluate.js';
import { importCommand } from './commands/import.js';
import { createKeyCommand } from './commands/keys.js';
import { migrateCommand } from './commands/migrate.js';
import { seedCommand } from './commands/seed.js';
import { serveCommand } from './commands/serve.js';
import { startCommand } from './commands/start.js';
import { createUserCommand } from './commands/users.js';
import { CliError } from './io.js';

const ROLES = ['sp-admin', 'sp-viewer', 'tenant-admin', 'tenant-viewer'];

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

const program = new Command('vcc')
  .description('vcc-portal: Veeam Cloud Connect license consumption')
  .showHelpAfterError();

program
  .command('evaluate')
  .argument('<file>', 'a vcc-scenario/1 file')
  .description('print the vcc-report/1 of a scenario')
  .action(evaluateCommand);
program
  .command('import')
  .argument('<file>', 'a vcc-scenario/1 file')
  .description('load a scenario into the database')
  .action(importCommand);
program.command('migrate').description('apply database migrations').action(migrateCommand);
program
  .command('seed')
  .description('generate a synthetic estate')
  .requiredOption('--tenants <n>', 'tenants', count)
  .requiredOption('--machines <n>', 'machines in all', count)
  .requiredOption('--months <n>', 'months of daily restore points, up to now', count)
  .option('--sp <id>', 'external id of the service provider', 'demo')
  .addOption(
    new Option('--ruleset <ruleset>', 'ruleset of a new service provider')
      .choices(RULESETS)
      .default('vbr-9.5'),
  )
  .option('--seed <n>', 'random seed', count, 1)
  .action(seedCommand);
program
  .command('serve')
  .description('run the GraphQL API')
  .option('--port <n>', 'port (default $API_PORT or 4000)', count)
  .action((options: { port?: number }) => serveCommand(options.port));
program
  .command('start')
  .description('run the API and the portal, with a demo estate on an empty database')
  .action(startCommand);

const keys = program.command('keys').description('API keys');
keys
  .command('create')
  .description('create an API key; stdout carries the key alone')
  .addOption(new Option('--role <role>', 'role').choices(ROLES))
  .option('--tenant <externalId>', 'bind the key to a tenant (role defaults to tenant-admin)')
  .option('--sp <externalId>', 'service provider, when the database holds several')
  .option('--name <name>', 'a name to tell the key apart')
  .option('--expires-days <n>', 'days until the key expires', count)
  .action(createKeyCommand);

const users = program.command('users').description('portal logins');
users
  .command('create')
  .description('create a login; stdout carries its one-time password alone')
  .requiredOption('--email <email>', 'e-mail address')
  .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
  .option('--tenant <externalId>', 'the tenant of a tenant role')
  .option('--sp <externalId>', 'service provider, when the database holds several')
  .option('--password-stdin', 'read the password from standard input')
  .action(createUserCommand);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof CliError) {
    process.stderr.write(`vcc: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`vcc: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
