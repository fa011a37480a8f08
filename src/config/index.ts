import path from 'node:path';
import { z } from 'zod';

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  FRESHSTART_DATA_DIR: z.string().min(1).default('./data'),
  FRESHSTART_LEDGER_KEY: z.string().min(1).optional(),
  FRESHSTART_CHECKPOINTS: z.string().min(1).optional(),
  FRESHSTART_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

/** The whole configuration of one Fresh Start process, read once from the environment. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL server connection string; absent means the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  /** Folder holding the embedded database, the ledger key and the checkpoint file. */
  readonly dataDir: string;
  /** Ed25519 private key (PEM) that signs ledger checkpoints; kept outside the database. */
  readonly ledgerKeyFile: string;
  /** Append-only file of signed checkpoints, outside the database. */
  readonly checkpointFile: string;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly environment: 'development' | 'production' | 'test';
}

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {}

/**
 * Reads the configuration from an environment (by default `process.env`).
 * This is the only place in Fresh Start that reads the environment.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to the empty string means the same as one not set.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.FRESHSTART_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    ledgerKeyFile: path.resolve(e.FRESHSTART_LEDGER_KEY ?? path.join(dataDir, 'keys', 'ledger-ed25519.pem')),
    checkpointFile: path.resolve(e.FRESHSTART_CHECKPOINTS ?? path.join(dataDir, 'checkpoints.jsonl')),
    trustProxy: e.FRESHSTART_TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    environment: e.NODE_ENV,
  });
}
