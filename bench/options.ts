/** What one bench run measures; every size can be shrunk from the environment for a quick run. */
export interface BenchOptions {
  /** Seconds of load on each URL (and of the raw SQL floor). */
  seconds: number;
  /** Interleaved pairs of writes for the ledger overhead. */
  overheadIterations: number;
  /** Records in the imported bundle. */
  importRecords: number;
  /** Entries in the ledger when verification is timed. */
  ledgerEntries: number;
  /** Decisions in the synthetic council of the "who holds power" measure (500 functions, 10 years). */
  powersDecisions: number;
  /** Projects in the synthetic plan of the board-summary measure (ten milestones each). */
  improvementProjects: number;
  /** Earlier plan items the recycled-plan check compares a new 500-item plan with. */
  earlierItems: number;
  /** Licence holders in the synthetic council of the compliance view and the gate. */
  licensingHolders: number;
  /** Holders whose licence the gate is asked to renew, one transaction each. */
  gateHolders: number;
  /** Entries in the register the searches run over. */
  registerEntries: number;
  /** Searches timed of each kind (full name, surname, date of birth, licence number). */
  registerSearches: number;
  /** The server to run on as well, unless it does not answer; undefined skips PostgreSQL. */
  postgresUrl: string | undefined;
  /** Whether to run on PGlite. */
  pglite: boolean;
  /** Where to write the Markdown report; undefined writes none. */
  reportFile: string | undefined;
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, not ${value}`);
  return n;
}

/**
 * Reads the bench options: BENCH_SECONDS (5), BENCH_OVERHEAD_ITERATIONS (1000),
 * BENCH_IMPORT_RECORDS (100000), BENCH_LEDGER_ENTRIES (1000000), BENCH_POWERS_DECISIONS (50000),
 * BENCH_IMPROVEMENT_PROJECTS (10000), BENCH_EARLIER_ITEMS (20000), BENCH_LICENSING_HOLDERS (20000),
 * BENCH_GATE_HOLDERS (2000), BENCH_REGISTER_ENTRIES (1000000), BENCH_REGISTER_SEARCHES (100),
 * BENCH_DATABASE_URL or DATABASE_URL (else the local server; "none" skips it),
 * BENCH_DRIVERS (pglite,postgres) and BENCH_REPORT (docs/benchmarks.md; "none" writes none).
 */
export function benchOptions(env: NodeJS.ProcessEnv): BenchOptions {
  const drivers = (env.BENCH_DRIVERS ?? 'pglite,postgres').split(',').map((d) => d.trim());
  const url = env.BENCH_DATABASE_URL ?? env.DATABASE_URL ?? LOCAL_SERVER;
  const report = env.BENCH_REPORT ?? 'docs/benchmarks.md';
  return {
    seconds: positive(env, 'BENCH_SECONDS', 5),
    overheadIterations: positive(env, 'BENCH_OVERHEAD_ITERATIONS', 1000),
    importRecords: positive(env, 'BENCH_IMPORT_RECORDS', 100_000),
    ledgerEntries: positive(env, 'BENCH_LEDGER_ENTRIES', 1_000_000),
    powersDecisions: positive(env, 'BENCH_POWERS_DECISIONS', 50_000),
    improvementProjects: positive(env, 'BENCH_IMPROVEMENT_PROJECTS', 10_000),
    earlierItems: positive(env, 'BENCH_EARLIER_ITEMS', 20_000),
    licensingHolders: positive(env, 'BENCH_LICENSING_HOLDERS', 20_000),
    gateHolders: positive(env, 'BENCH_GATE_HOLDERS', 2000),
    registerEntries: positive(env, 'BENCH_REGISTER_ENTRIES', 1_000_000),
    registerSearches: positive(env, 'BENCH_REGISTER_SEARCHES', 100),
    postgresUrl: drivers.includes('postgres') && url !== 'none' ? url : undefined,
    pglite: drivers.includes('pglite'),
    reportFile: report === 'none' ? undefined : report,
  };
}
