import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp } from '#src/app.ts';
import { stableId } from '#src/bundles/demo/ids.ts';
import { importBundle, parseBundle } from '#src/bundles/import.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '#src/bundles/schema.ts';
import { loadConfig } from '#src/config/index.ts';
import type { Database } from '#src/db/client.ts';
import { RESTORATION_STEPS } from '#src/modules/powers/schema.ts';
import { type LoadFigures, loadFigures, percentile, timed } from './stats.ts';

/** The size the issue sets: 500 functions, 10 years of records, 50,000 decisions. */
export interface PowersScale {
  functions: number;
  years: number;
  decisions: number;
}

export interface PowersFigures {
  scale: PowersScale;
  records: number;
  importSeconds: number;
  api: LoadFigures & { p95: number };
}

const GSS = 'E09999998';
const FIRST_YEAR = 2015;
const COMMISSIONERS = 5;
const COUNCILLORS = 20;
/**
 * Callers at once: one, so that p95 is the time to answer the question, not the
 * time spent queueing behind other callers on a 2-core machine.
 */
const CONNECTIONS = 1;
const CLIENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'api-client.ts');

/** A stable UUID from a name, so the synthetic council is the same on every run. */
const uuid = (name: string) => stableId(`bench-powers:${name}`);

const day = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/**
 * A synthetic intervened council: each year a new Direction supersedes the last
 * and keeps with Commissioners the functions not yet returned; each year but the
 * last a restoration returns the next slice of functions on 1 December; each
 * function's Commissioner changes every year; decisions are spread over the years,
 * each taken by the Commissioner who held its function that day.
 */
export function syntheticPowersBundle(scale: PowersScale) {
  const perYear = Math.ceil(scale.functions / (scale.years + 1));
  const commissioners = Array.from({ length: COMMISSIONERS }, (_, i) => ({
    id: uuid(`commissioner:${i}`),
    name: `Commissioner ${i + 1}`,
    kind: 'commissioner' as const,
    publicRole: `Commissioner ${i + 1}`,
  }));
  const councillors = Array.from({ length: COUNCILLORS }, (_, i) => ({
    id: uuid(`councillor:${i}`),
    name: `Councillor ${i + 1}`,
    kind: 'councillor' as const,
    publicRole: `Cabinet Member ${i + 1}`,
  }));
  const functions = Array.from({ length: scale.functions }, (_, i) => ({
    id: uuid(`function:${i}`),
    code: `fn-${String(i).padStart(4, '0')}`,
    name: `Function ${i + 1}`,
    service: (['executive', 'licensing', 'statutory_appointments', 'nominations', 'other'] as const)[i % 5],
    portfolio: `Portfolio ${(i % 12) + 1}`,
    councilHolder: 'Cabinet',
  }));
  /** The year (index) from which function i is back with the council: restored on 1 December of it. */
  const returnedIn = (i: number) => Math.floor(i / perYear);
  const holderOf = (i: number, year: number) =>
    commissioners[(i + year) % COMMISSIONERS] as { id: string; name: string };

  const directions: Record<string, unknown>[] = [];
  const provisions: Record<string, unknown>[] = [];
  for (let y = 0; y < scale.years; y++) {
    const id = uuid(`direction:${y}`);
    directions.push({
      id,
      title: `Directions of 1 January ${FIRST_YEAR + y}`,
      issuedBy: 'Secretary of State',
      madeOn: day(FIRST_YEAR + y, 0),
      inForceFrom: day(FIRST_YEAR + y, 0),
      supersedesId: y ? uuid(`direction:${y - 1}`) : null,
      legalBasis: 'Local Government Act 1999, section 15',
      body: 'Synthetic Direction for the benchmark.',
    });
    functions.forEach((f, i) => {
      if (returnedIn(i) >= y)
        provisions.push({
          id: uuid(`provision:${y}:${i}`),
          directionId: id,
          functionId: f.id,
          mode: 'commissioners',
        });
    });
  }
  const allocations: Record<string, unknown>[] = [];
  for (const [i, f] of functions.entries())
    for (let y = 0; y < scale.years; y++)
      allocations.push({
        id: uuid(`allocation:${i}:${y}`),
        functionId: f.id,
        holderKind: 'commissioner',
        personId: holderOf(i, y).id,
        holderName: holderOf(i, y).name,
        fromDate: day(FIRST_YEAR + y, 0),
        toDate: day(FIRST_YEAR + y + 1, -1),
        reason: 'Annual allocation of the Commissioners’ functions',
      });
  const restorations: Record<string, unknown>[] = [];
  const restorationFunctions: Record<string, unknown>[] = [];
  const restorationSteps: Record<string, unknown>[] = [];
  for (let y = 0; y < scale.years - 1; y++) {
    const id = uuid(`restoration:${y}`);
    const year = FIRST_YEAR + y;
    restorations.push({
      id,
      title: `Restoration of ${year}`,
      openedOn: day(year, 180),
      proposedEffectiveDate: day(year, 334),
    });
    functions.forEach((f, i) => {
      if (returnedIn(i) !== y) return;
      const evidence = 'Synthetic evidence';
      restorationFunctions.push({
        id: uuid(`restoration-function:${y}:${i}`),
        restorationId: id,
        functionId: f.id,
        serviceMet: true,
        serviceEvidence: evidence,
        leadershipMet: true,
        leadershipEvidence: evidence,
        assuranceMet: true,
        assuranceEvidence: evidence,
        councillorsMet: true,
        councillorsEvidence: evidence,
        returnsToKind: 'cabinet_member',
        returnsToPersonId: (councillors[i % COUNCILLORS] as { id: string }).id,
        returnsToName: `Cabinet Member ${(i % COUNCILLORS) + 1}`,
      });
    });
    RESTORATION_STEPS.forEach((step, s) =>
      restorationSteps.push({
        id: uuid(`step:${y}:${step}`),
        restorationId: id,
        step,
        completedOn: step === 'effective' ? day(year, 334) : day(year, 181 + s * 15),
        outcome: 'passed',
        people: 'Synthetic panel',
        documents: 'Synthetic documents',
      }),
    );
  }
  // Decisions on functions still with the Commissioners that day, before any restoration of the year.
  const decisions: Record<string, unknown>[] = [];
  for (let n = 0; n < scale.decisions; n++) {
    const y = n % scale.years;
    const candidates = functions.length - Math.min(functions.length, (y + 1) * perYear);
    const i = functions.length - 1 - (Math.floor(n / scale.years) % Math.max(1, candidates));
    decisions.push({
      id: uuid(`decision:${n}`),
      functionId: (functions[i] as { id: string }).id,
      decidedOn: day(FIRST_YEAR + y, Math.floor(n / scale.years) % 330),
      title: `Decision ${n + 1}`,
      meeting: 'Advisory Cabinet',
      meetingPublic: true,
      report: `Report ${n + 1}`,
      proposedById: (councillors[n % COUNCILLORS] as { id: string }).id,
      proposal: 'As in the report',
      decidedById: holderOf(i, y).id,
      outcome: n % 7 === 0 ? 'with_changes' : 'as_proposed',
      reasons: 'As in the report',
    });
  }
  return parseBundle({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: { id: uuid('council'), gssCode: GSS, name: 'Benchmark Borough Council', shortName: 'Benchmark' },
    people: [...commissioners, ...councillors],
    users: [],
    powers: {
      functions,
      directions,
      provisions,
      commissionerAppointments: commissioners.map((c, i) => ({
        id: uuid(`appointment:${i}`),
        personId: c.id,
        role: i === 0 ? 'lead' : 'commissioner',
        appointedBy: 'Secretary of State',
        fromDate: day(FIRST_YEAR, 0),
      })),
      allocations,
      restorations,
      restorationFunctions,
      restorationSteps,
      decisions,
    },
  });
}

/**
 * Imports the synthetic council, then asks the JSON API who held every power on
 * dates spread over its ten years, from one caller in a child process, and reports p95.
 */
export async function measurePowersApi(
  database: Database,
  scale: PowersScale,
  seconds: number,
): Promise<PowersFigures> {
  const bundle = syntheticPowersBundle(scale);
  const imported = await timed(() => database.db.transaction((tx) => importBundle(tx, bundle, 'bench')));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', FRESHSTART_DATA_DIR: '/tmp' });
  const app = await buildApp(config, database, { logger: false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const dates = Array.from({ length: 97 }, (_, k) => day(FIRST_YEAR + (k % scale.years), (k * 37) % 365));
    const check = await fetch(`${base}/api/v1/councils/${GSS}/powers?date=${dates[0]}`);
    const body = (await check.json()) as { functions: unknown[] };
    if (check.status !== 200 || body.functions.length !== scale.functions)
      throw new Error(`the powers API answered ${check.status} with ${body.functions?.length} functions`);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        CLIENT,
        JSON.stringify({
          urls: dates.map((d) => `${base}/api/v1/councils/${GSS}/powers?date=${d}`),
          connections: CONNECTIONS,
          seconds,
          warmUpSeconds: 1,
        }),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const run = JSON.parse(stdout) as { latencies: number[]; failures: number; seconds: number };
    const figures = loadFigures(run.latencies, run.seconds, run.failures);
    const latencies = run.latencies;
    return {
      scale,
      records: imported.value.records,
      importSeconds: imported.ms / 1000,
      api: {
        ...figures,
        p95: percentile(
          [...latencies].sort((a, b) => a - b),
          95,
        ),
      },
    };
  } finally {
    await app.close();
  }
}
