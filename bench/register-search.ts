import { importBundle, parseBundle } from '#src/bundles/import.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '#src/bundles/schema.ts';
import type { Database } from '#src/db/client.ts';
import type { RegisterCriteria } from '#src/modules/licensing/rules/register.ts';
import { searchRegister } from '#src/modules/licensing/service.ts';
import { type Spread, spreadOf } from './licensing.ts';
import { fillRegister, registerPerson, registerUuid } from './register-fill.ts';
import { median } from './stats.ts';

/** The size the issue sets: a register of 1,000,000 entries; `searches` of each kind are timed. */
export interface RegisterScale {
  entries: number;
  searches: number;
}

/** The ways an officer searches the register, each as a person would type it. */
export const SEARCH_KINDS = ['full name', 'surname', 'date of birth', 'licence number'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface RegisterFigures {
  scale: RegisterScale;
  holders: number;
  fillSeconds: number;
  /** Every search, whatever its kind. */
  all: Spread;
  byKind: { kind: SearchKind; spread: Spread; medianFound: number; maxFound: number }[];
}

const BY = { actor: 'freshstart:bench' };

/** A search of kind `kind` for register holder `h`, written as an officer might: other order, other case. */
function criteria(kind: SearchKind, h: number): RegisterCriteria {
  const p = registerPerson(h);
  const none = { name: null, dateOfBirth: null, licenceNumber: null };
  switch (kind) {
    case 'full name':
      return { ...none, name: `${p.surname.toUpperCase()}, ${p.first}` };
    case 'surname':
      return { ...none, name: p.surname.toLowerCase() };
    case 'date of birth':
      return { ...none, dateOfBirth: p.dateOfBirth };
    default:
      return { ...none, licenceNumber: p.number.toLowerCase().replace('-', ' ') };
  }
}

/** Times `searches` searches of each kind for holders spread over the register's `holders`. */
export async function timeRegisterSearches(
  database: Database,
  councilId: string,
  holders: number,
  searches: number,
): Promise<Pick<RegisterFigures, 'all' | 'byKind'>> {
  const samples = new Map<SearchKind, { ms: number[]; found: number[] }>(
    SEARCH_KINDS.map((k) => [k, { ms: [], found: [] }]),
  );
  const search = (kind: SearchKind, h: number) =>
    database.db.transaction((tx) => searchRegister(tx, councilId, criteria(kind, h), BY));
  for (let k = 0; k < 10; k++) await search(SEARCH_KINDS[k % SEARCH_KINDS.length] as SearchKind, k * 7);
  for (let n = 0; n < searches; n++)
    for (const [j, kind] of SEARCH_KINDS.entries()) {
      // A different holder for each search, spread over the whole register.
      const h = Math.floor(
        ((n * SEARCH_KINDS.length + j + 0.5) * holders) / (searches * SEARCH_KINDS.length),
      );
      const started = performance.now();
      const result = await search(kind, h);
      const ms = performance.now() - started;
      if (result.total === 0) throw new Error(`a ${kind} search for holder ${h} found nothing`);
      const s = samples.get(kind) as { ms: number[]; found: number[] };
      s.ms.push(ms);
      s.found.push(result.total);
    }
  const byKind = SEARCH_KINDS.map((kind) => {
    const s = samples.get(kind) as { ms: number[]; found: number[] };
    return { kind, spread: spreadOf(s.ms), medianFound: median(s.found), maxFound: Math.max(...s.found) };
  });
  return { all: spreadOf([...samples.values()].flatMap((s) => s.ms)), byKind };
}

/**
 * Fills a council's register to `entries` entries (with their holders and
 * licences, and the ledger entries an import writes), then times
 * `searchRegister` (the search and its recorded search, one transaction each)
 * for `searches` holders of each kind, the kinds taken in turn, after ten
 * searches of warm-up. The holders searched for are drawn evenly, so a common
 * name is searched for as often as it is borne.
 */
export async function measureRegisterSearch(
  database: Database,
  scale: RegisterScale,
): Promise<RegisterFigures> {
  const councilId = registerUuid('council');
  const council = parseBundle({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: {
      id: councilId,
      gssCode: 'E09999994',
      name: 'Benchmark Register Council',
      shortName: 'Register',
    },
    people: [],
    users: [],
  });
  await database.db.transaction((tx) => importBundle(tx, council, 'bench'));
  const fill = await fillRegister(database.db, councilId, scale.entries);
  const timings = await timeRegisterSearches(database, councilId, fill.holders, scale.searches);
  return { scale, holders: fill.holders, fillSeconds: fill.ms / 1000, ...timings };
}
