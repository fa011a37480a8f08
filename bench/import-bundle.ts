import { randomUUID } from 'node:crypto';
import { importBundle, parseBundleText } from '#src/bundles/import.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '#src/bundles/schema.ts';
import type { Tx } from '#src/db/client.ts';
import { PERSON_KINDS } from '#src/modules/councils/validation.ts';
import { timed } from './stats.ts';

export interface ImportFigures {
  /** Records asked for; when that import failed, `records` is the smaller size that was measured. */
  requested: number;
  records: number;
  /** Why the import of `requested` records failed, when it did. */
  failure?: string;
  /** Milliseconds to parse and validate the bundle's text. */
  parseMs: number;
  /** Milliseconds to import it in one transaction, ledger entries included. */
  importMs: number;
}

/** The text of a valid bundle: one council and `count - 1` people. */
export function syntheticBundleText(count: number, gssCode = 'E06000999'): string {
  return JSON.stringify({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: {
      id: randomUUID(),
      gssCode,
      name: 'Benchmark Borough Council',
      shortName: 'Benchmark',
    },
    people: Array.from({ length: count - 1 }, (_, n) => ({
      id: randomUUID(),
      name: `Person ${n}`,
      kind: PERSON_KINDS[n % PERSON_KINDS.length],
      publicRole: `Member for Ward ${n}`,
      party: n % 3 === 0 ? null : 'Independent',
      fromDate: '2015-02-26',
      toDate: n % 5 === 0 ? '2019-05-02' : null,
      source: 'Synthetic bundle written by npm run bench',
    })),
    users: [],
  });
}

async function importOnce(db: Tx, count: number, gssCode: string) {
  const text = syntheticBundleText(count, gssCode);
  const parsed = await timed(async () => parseBundleText(text));
  const imported = await timed(() =>
    db.transaction((tx) => importBundle(tx, parsed.value, 'freshstart:bench')),
  );
  return { records: imported.value.records, parseMs: parsed.ms, importMs: imported.ms };
}

/** Records small enough for one statement's bound parameters (at most 65,535), tried when `count` fails. */
const FALLBACK_RECORDS = 60_000;

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const message = cause instanceof Error ? cause.message : (error as Error).message;
  return message.slice(0, 200);
}

/**
 * Imports a bundle of `count` records (validation timed apart), in one transaction.
 * If that fails, says why and measures a bundle of 60,000 records instead, so the
 * run still gives a figure.
 */
export async function measureImport(db: Tx, count: number): Promise<ImportFigures> {
  try {
    return { requested: count, ...(await importOnce(db, count, 'E06000999')) };
  } catch (error) {
    if (count <= FALLBACK_RECORDS) throw error;
    const failure = reasonOf(error);
    return { requested: count, failure, ...(await importOnce(db, FALLBACK_RECORDS, 'E06000998')) };
  }
}
