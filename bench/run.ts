// npm run bench: the performance figures of Fresh Start on PGlite and, when a server
// answers, on PostgreSQL; printed as a table and written to docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, demoBundle, loadDemoIfEmpty } from '#src/bundles/demo/index.ts';
import { type BenchDatabase, freshPglite, freshPostgres, serverAnswers } from './databases.ts';
import { measureHomePage } from './home-page.ts';
import { measureImport } from './import-bundle.ts';
import { measureImprovement } from './improvement.ts';
import { measureLedgerOverhead } from './ledger-overhead.ts';
import { measureLicensing } from './licensing.ts';
import { describeMachine } from './machine.ts';
import { reportNotes } from './notes.ts';
import { type BenchOptions, benchOptions } from './options.ts';
import { measurePowersApi } from './powers.ts';
import { measureRegisterSearch } from './register-search.ts';
import { type DriverResults, markdownReport, resultRows, textTable } from './report.ts';
import { measureVerification } from './verify-speed.ts';

const say = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function measure(bench: BenchDatabase, options: BenchOptions): Promise<DriverResults> {
  const db = bench.database.db;
  await db.transaction((tx) => loadDemoIfEmpty(tx));
  const councilId = demoBundle().council.id;
  say(`${bench.label}: signed-in home page, bare route and raw SQL (${options.seconds} s each)`);
  const homePage = await measureHomePage(bench, DEMO_PASSWORD, options.seconds);
  say(`${bench.label}: ledger overhead (${options.overheadIterations} pairs)`);
  const overhead = await measureLedgerOverhead(db, councilId, options.overheadIterations);
  say(`${bench.label}: import of ${options.importRecords} records`);
  const importing = await measureImport(db, options.importRecords);
  say(`${bench.label}: who holds power on a date, 500 functions and ${options.powersDecisions} decisions`);
  const powers = await measurePowersApi(
    bench.database,
    { functions: 500, years: 10, decisions: options.powersDecisions },
    options.seconds,
  );
  say(
    `${bench.label}: board summary of ${options.improvementProjects} projects; recycled check of 500 items against ${options.earlierItems}`,
  );
  const improvement = await measureImprovement(bench.database, {
    projects: options.improvementProjects,
    milestonesPerProject: 10,
    earlierItems: options.earlierItems,
    newItems: 500,
  });
  say(`${bench.label}: verification of ${options.ledgerEntries} entries (filling the ledger first)`);
  const verification = await measureVerification(db, options.ledgerEntries, councilId);
  // After verification, which fills the ledger to an exact length: these add some 1.7 million entries.
  say(
    `${bench.label}: compliance view of ${options.licensingHolders} holders; the gate for ${options.gateHolders} of them`,
  );
  const licensing = await measureLicensing(bench.database, {
    holders: options.licensingHolders,
    gateHolders: options.gateHolders,
  });
  say(`${bench.label}: register search over ${options.registerEntries} entries (filling the register first)`);
  const register = await measureRegisterSearch(bench.database, {
    entries: options.registerEntries,
    searches: options.registerSearches,
  });
  return {
    driver: bench.label,
    homePage,
    overhead,
    importing,
    verification,
    powers,
    improvement,
    licensing,
    register,
  };
}

async function onFresh(open: () => Promise<BenchDatabase>, options: BenchOptions): Promise<DriverResults> {
  const bench = await open();
  try {
    return await measure(bench, options);
  } finally {
    await bench.dispose();
  }
}

const options = benchOptions(process.env);
const started = performance.now();
const results: DriverResults[] = [];
if (options.pglite) results.push(await onFresh(freshPglite, options));
const url = options.postgresUrl;
if (url && (await serverAnswers(url))) results.push(await onFresh(() => freshPostgres(url), options));
else if (url) say(`no PostgreSQL server answers at ${url.replace(/:[^:@/]*@/, ':***@')}: skipped`);

const rows = results.flatMap(resultRows);
process.stdout.write(`\n${textTable(rows)}\n`);
if (options.reportFile) {
  const file = path.resolve(options.reportFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, markdownReport(rows, describeMachine(), options, reportNotes(results)));
  say(`written to ${path.relative(process.cwd(), file)}`);
}
say(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (rows.some((r) => r.pass === false)) process.exitCode = 1;
