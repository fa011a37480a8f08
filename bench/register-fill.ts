import { getTableColumns, type InferSelectModel, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { stableId } from '#src/bundles/demo/ids.ts';
import type { Tx } from '#src/db/client.ts';
import { holderEntity, licenceEntity, registerEntryEntity } from '#src/db/ledgered.ts';
import { appendBatchToLedger, type Change } from '#src/ledger/append.ts';
import { type LedgeredTable, stateOf } from '#src/ledger/records.ts';
import type { LicenceKind, RegisterAction } from '#src/modules/licensing/rules/types.ts';
import type { Licence, LicenceHolder } from '#src/modules/licensing/schema.ts';
import { registerEntryRow } from '#src/modules/licensing/service.ts';
import { addDays } from '#src/modules/powers/rules/dates.ts';

/*
 * The register of the search measure: drivers refused, suspended or revoked
 * over twenty years, each holder with one licence and from one to seven
 * entries (four on average), so a million entries name 250,000 people. Names
 * are made of invented words, skewed as real names are: the commonest surname
 * is borne by about one holder in seventy, the commonest first name by one in
 * twenty; one in eight has a middle name, some an O' or a double-barrelled
 * surname. Dates of birth spread over 1950 to 2003.
 *
 * The rows are written straight into their tables in large batches, with the
 * ledger entries an import writes for them (action `import`, the row's state),
 * chained by `appendBatchToLedger`: a bundle of 1.5 million records would be
 * validated and imported in one transaction, holding every record and ledger
 * entry in memory at once.
 */

export const registerUuid = (name: string) => stableId(`bench-register:${name}`);

const KINDS: LicenceKind[] = ['private_hire_driver', 'hackney_carriage_driver', 'dual_driver'];
const PREFIX: Record<string, string> = {
  private_hire_driver: 'PHD',
  hackney_carriage_driver: 'HCD',
  dual_driver: 'DD',
};
const REASONS =
  'Synthetic register entry written by npm run bench: not a fit and proper person on the information given.';

/** A number in [0, 1) from a seed, the same for the same seed (mulberry32). */
function unit(seed: number): number {
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sa',
  'tor',
  'vel',
  'bri',
  'dan',
  'fe',
  'gor',
  'hal',
  'ish',
  'jun',
];
/** An invented word: the syllables of `n` written in base 14, then an ending; a different word for each `n`. */
function word(n: number, syllables: number, ending: string): string {
  let w = '';
  let rest = n;
  for (let k = 0; k < syllables; k++) {
    w += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return `${w.charAt(0).toUpperCase()}${w.slice(1)}${ending}`;
}

const FIRST_NAMES = Array.from({ length: 400 }, (_, i) =>
  word(Math.floor(i / 3), 2, ['', 'ie', 'an'][i % 3] as string),
);
const SURNAMES = Array.from({ length: 5000 }, (_, i) => {
  const base = word(Math.floor(i / 2), 3, i % 2 ? 'son' : 'ley');
  if (i % 37 === 5) return `O'${base}`;
  if (i % 41 === 7) return `${word(i % 196, 2, 'ton')}-${base}`;
  return base;
});

/** One of `names`, the first ones far more often than the last (the square of a uniform draw). */
const skewed = (names: readonly string[], u: number) => names[Math.floor(names.length * u * u)] as string;

/** Who register holder `h` is: the same on every run, so searches can name them. */
export function registerPerson(h: number) {
  const first = skewed(FIRST_NAMES, unit(h * 4 + 1));
  const surname = skewed(SURNAMES, unit(h * 4 + 2));
  const middle = h % 8 === 3 ? ` ${skewed(FIRST_NAMES, unit(h * 4 + 3))}` : '';
  const kind = KINDS[h % 3] as LicenceKind;
  return {
    first,
    surname,
    name: `${first}${middle} ${surname}`,
    dateOfBirth: addDays('1950-01-01', Math.floor(unit(h * 4 + 4) * 19_700)),
    kind,
    number: `${PREFIX[kind]}-${String(h + 1).padStart(7, '0')}`,
  };
}

/** How many entries holder `h` has on the register. */
const entriesOf = (h: number) => 1 + (h % 7);

const camelToColumn = (table: PgTable) =>
  Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const);

/** Inserts complete rows, 5,000 to a statement as one JSON parameter, and queues their import entries. */
async function insertRows<T extends PgTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  rows: readonly InferSelectModel<T>[],
  changes: Change[],
): Promise<void> {
  const columns = camelToColumn(entity.table);
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000).map((row) => {
      const values = row as Record<string, unknown>;
      return Object.fromEntries(columns.map(([key, name]) => [name, values[key] ?? null]));
    });
    await tx.execute(
      sql`INSERT INTO ${entity.table} SELECT * FROM json_populate_recordset(NULL::${entity.table}, ${JSON.stringify(batch)}::json)`,
    );
  }
  for (const row of rows)
    changes.push({
      councilId: entity.councilOf(row),
      actor: 'freshstart:bench',
      action: 'import',
      entityType: entity.entityType,
      entityId: String((row as { id: unknown }).id),
      before: null,
      after: stateOf(entity, row),
    });
}

const NOT_WITHDRAWN = { withdrawnAt: null, withdrawnReason: null };

/** The holder, licence and register entries of holder `h`, at most `limit` entries. */
function holderRows(councilId: string, h: number, limit: number) {
  const p = registerPerson(h);
  const holder: LicenceHolder = {
    id: registerUuid(`holder:${h}`),
    councilId,
    kind: 'driver',
    name: p.name,
    dateOfBirth: p.dateOfBirth,
    ...NOT_WITHDRAWN,
  };
  const count = Math.min(limit, entriesOf(h));
  const appliedOn = addDays('2004-01-05', Math.floor(unit(h * 4) * 6900));
  const actions: RegisterAction[] =
    count === 1 ? ['refused'] : [...Array<RegisterAction>(count - 1).fill('suspended'), 'revoked'];
  const dates = actions.map((_, k) => addDays(appliedOn, 60 + k * 90));
  const last = dates[dates.length - 1] as string;
  const licence: Licence = {
    id: registerUuid(`licence:${h}`),
    councilId,
    holderId: holder.id,
    number: p.number,
    kind: p.kind,
    status: count === 1 ? 'refused' : 'revoked',
    startOn: appliedOn,
    endOn: count === 1 ? null : addDays(appliedOn, 3 * 365),
    statusFrom: last,
    conditions: null,
    ...NOT_WITHDRAWN,
  };
  const entries = actions.map((action, k) => ({
    ...registerEntryRow(licence, holder, {
      id: registerUuid(`entry:${h}:${k}`),
      action,
      decidedOn: dates[k] as string,
      effectiveOn: addDays(dates[k] as string, action === 'refused' ? 0 : 21),
      reasons: REASONS,
      reviewDecisionId: null,
    }),
    ...NOT_WITHDRAWN,
  }));
  return { holder, licence, entries };
}

/** Holders written per transaction: about 50,000 entries. */
const HOLDERS_PER_TRANSACTION = 12_500;

/**
 * Writes register entries for the council until it has `target` of them, with
 * their holders and licences; returns how many holders that took and the
 * milliseconds it took.
 */
export async function fillRegister(
  db: Tx,
  councilId: string,
  target: number,
): Promise<{ holders: number; ms: number }> {
  const started = performance.now();
  let written = 0;
  let h = 0;
  while (written < target) {
    const holders: LicenceHolder[] = [];
    const licences: Licence[] = [];
    const entries: ReturnType<typeof holderRows>['entries'] = [];
    for (let k = 0; k < HOLDERS_PER_TRANSACTION && written < target; k++, h++) {
      const rows = holderRows(councilId, h, target - written);
      holders.push(rows.holder);
      licences.push(rows.licence);
      entries.push(...rows.entries);
      written += rows.entries.length;
    }
    await db.transaction(async (tx) => {
      const changes: Change[] = [];
      await insertRows(tx, holderEntity, holders, changes);
      await insertRows(tx, licenceEntity, licences, changes);
      await insertRows(tx, registerEntryEntity, entries, changes);
      await appendBatchToLedger(tx, changes);
    });
  }
  return { holders: h, ms: performance.now() - started };
}
