import { randomUUID } from 'node:crypto';
import type { Tx } from '#src/db/client.ts';
import { importBundle, parseBundleText } from '#src/bundles/import.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '#src/bundles/schema.ts';
import { PERSON_KINDS } from '#src/modules/councils/validation.ts';
import { timed } from './stats.ts';

export interface ImportFigures {
  records: number;
  /** Milliseconds to parse and validate the bundle's text. */
  parseMs: number;
  /** Milliseconds to import it in one transaction, ledger entries included. */
  importMs: number;
}

/** The text of a valid bundle: one council and `count - 1` people. */
export function syntheticBundleText(count: number): string {
  return JSON.stringify({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: {
      id: randomUUID(),
      gssCode: 'E06000999',
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

/** Imports a bundle of `count` records (validation timed apart), in one transaction. */
export async function measureImport(db: Tx, count: number): Promise<ImportFigures> {
  const text = syntheticBundleText(count);
  const parsed = await timed(async () => parseBundleText(text));
  const imported = await timed(() =>
    db.transaction((tx) => importBundle(tx, parsed.value, 'freshstart:bench')),
  );
  return { records: imported.value.records, parseMs: parsed.ms, importMs: imported.ms };
}
