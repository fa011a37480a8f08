import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BundleError } from '#src/bundles/problems.ts';
import { ConfigError, loadConfig } from '#src/config/index.ts';
import { DataDirLockedError } from '#src/db/lock.ts';
import { exportCommand, importCommand, migrateCommand, verifyCommand } from './commands.ts';
import { serveCommand } from './serve.ts';

export interface Verb {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: number;
  run(
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    out: Output,
  ): Promise<number>;
}

export interface Output {
  log(text: string): void;
  error(text: string): void;
}

const VERBS: Record<string, Verb> = {
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  export: exportCommand,
  verify: verifyCommand,
};

function usage(): string {
  return [
    'Usage: freshstart <command> [options]',
    '',
    'Commands:',
    ...Object.entries(VERBS).map(([name, verb]) => `  ${name.padEnd(8)} ${verb.summary}`),
    '',
    'Every command reads DATABASE_URL (a PostgreSQL server) or else FRESHSTART_DATA_DIR (the embedded database, default ./data).',
    'Run freshstart <command> --help for its options.',
  ].join('\n');
}

/**
 * Runs the freshstart command with its arguments and returns the exit status.
 * Mistakes get a message saying what is allowed, and a non-zero status.
 */
export async function main(
  argv: string[],
  out: Output = { log: console.log, error: console.error },
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.log(usage());
    return name ? 0 : 2;
  }
  const verb = VERBS[name];
  if (!verb) {
    out.error(`freshstart: unknown command '${name}'. Commands are: ${Object.keys(VERBS).join(', ')}.`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...verb.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    out.error(`freshstart ${name}: ${(error as Error).message}\n\n${verb.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    out.log(verb.usage);
    return 0;
  }
  if (parsed.positionals.length !== verb.positionals) {
    out.error(
      `freshstart ${name}: expected ${verb.positionals === 0 ? 'no' : verb.positionals} argument${verb.positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}.\n\n${verb.usage}`,
    );
    return 2;
  }
  try {
    loadConfig();
    return await verb.run(parsed as never, out);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BundleError) {
      out.error(`freshstart ${name}: ${error.message}`);
      return 1;
    }
    out.error(`freshstart ${name}: failed: ${(error as Error).message}`);
    return 1;
  }
}
