import assert from 'node:assert/strict';
import { getTableName, sql } from 'drizzle-orm';
import { LICENSING_TABLES } from '#src/bundles/licensing-tables.ts';
import { queryRows, type Tx } from '#src/db/client.ts';
import { lastEntry } from '#src/ledger/append.ts';
import { check } from '#src/modules/licensing/rules/fixtures.ts';
import type { CheckFacts } from '#src/modules/licensing/rules/types.ts';
import {
  addHolder,
  applyForLicence,
  LicensingRuleError,
  openCase,
  scheduleHearing,
} from '#src/modules/licensing/service.ts';
import type { CheckInput, HolderInput, LicenceInput } from '#src/modules/licensing/validation.ts';
import { recordDirection } from '#src/modules/powers/service.ts';
import { addPowersCouncil, direction2015, type PowersCouncil } from './powers.ts';

/*
 * The smallest setting the Licensing service needs: a council with a licensing
 * function under a Direction (so a panel decision has someone to take it), a
 * councillor for the panel, and the holders, licences and cases a test makes.
 */

export const BY = { actor: 'licensing-officer@test' };

/** A council whose licensing function the Commissioner holds from 26 February 2015 (powers.ts). */
export async function addLicensingCouncil(tx: Tx): Promise<PowersCouncil> {
  const c = await addPowersCouncil(tx);
  await recordDirection(tx, c.council.id, direction2015(c), BY);
  return c;
}

export const DRIVER: HolderInput = { kind: 'driver', name: 'Dana Driverton', dateOfBirth: '1980-06-15' };
export const VEHICLE: HolderInput = { kind: 'vehicle', name: 'YT15 XYZ', dateOfBirth: null };
export const OPERATOR: HolderInput = { kind: 'operator', name: 'Testshire Cars Ltd', dateOfBirth: null };

/**
 * A complete, clear check of `kind` done on `doneOn` as the form gives it: a DBS
 * certificate with its number (an enhanced one with both barred lists), training
 * with its course, as the rules' fixtures make them; changed by `changes`.
 */
export function checkInput(
  kind: CheckFacts['kind'],
  doneOn: string,
  changes: Partial<CheckInput> = {},
): CheckInput {
  const { id: _, holderId: __, barredLists, ...rest } = check({ id: 'input', kind, doneOn });
  return { ...rest, barredLists: [...barredLists], ...changes };
}

/** An application for a licence, changed by `changes`. */
export const application = (changes: Partial<LicenceInput> = {}): LicenceInput => ({
  number: 'PHD-10001',
  kind: 'private_hire_driver',
  appliedOn: '2015-10-01',
  conditions: null,
  ...changes,
});

/** A driver with an application for a private hire driver licence. */
export async function addApplicant(tx: Tx, councilId: string, number = 'PHD-10001') {
  const holder = await addHolder(tx, councilId, DRIVER, BY);
  const licence = await applyForLicence(tx, councilId, holder.id, application({ number }), BY);
  return { holder, licence };
}

/** A review case of a driver, opened on 2 March 2015, with no investigation started yet. */
export async function addCase(tx: Tx, c: PowersCouncil, reference: string) {
  const { holder, licence } = await addApplicant(tx, c.council.id, `PHD-${reference}`);
  return openCase(
    tx,
    c.council.id,
    {
      reference,
      holderId: holder.id,
      licenceId: licence.id,
      functionId: c.licensing.id,
      openedOn: '2015-03-02',
      source: 'complaint',
      risk: 'medium',
      information: 'A complaint from a passenger',
      investigationStartedOn: null,
    },
    BY,
  );
}

/** Fixes a hearing of a case on 2 November 2015 for 10 December 2015, the councillor on the panel. */
export function addHearing(tx: Tx, c: PowersCouncil, caseId: string, scheduledOn = '2015-11-02') {
  return scheduleHearing(
    tx,
    c.council.id,
    caseId,
    { scheduledOn, hearingOn: '2015-12-10', panelPersonIds: [c.councillor.id] },
    BY,
  );
}

/** One ledger entry as its body says it. */
export interface EntryBody {
  councilId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The ledger entries of one record, oldest first. */
export async function entriesOf(tx: Tx, entityType: string, entityId: string): Promise<EntryBody[]> {
  const rows = await queryRows<{ body: string }>(
    tx,
    sql`SELECT body FROM ledger_entries WHERE entity_type = ${entityType} AND entity_id = ${entityId} ORDER BY seq`,
  );
  return rows.map((r) => JSON.parse(r.body) as EntryBody);
}

/** How many ledger entries there are of a kind of record. */
export async function countOf(tx: Tx, entityType: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    tx,
    sql`SELECT count(*) AS n FROM ledger_entries WHERE entity_type = ${entityType}`,
  );
  return Number(row?.n);
}

/** Every row of every Licensing table, and the ledger's head: what a refused change must leave as it was. */
export async function licensingSnapshot(tx: Tx): Promise<Record<string, unknown>> {
  const snapshot: Record<string, unknown> = { ledger: await lastEntry(tx) };
  for (const { entity } of LICENSING_TABLES) {
    const name = getTableName(entity.table);
    snapshot[name] = await queryRows(tx, sql.raw(`SELECT * FROM ${name} ORDER BY id`));
  }
  return snapshot;
}

/**
 * Expects `change` to be refused by a Licensing rule with exactly `message` at
 * `field`, and to leave every Licensing table and the ledger as they were.
 */
export async function assertRefused(
  tx: Tx,
  change: () => Promise<unknown>,
  field: string,
  message: string | RegExp,
): Promise<void> {
  const before = await licensingSnapshot(tx);
  await assert.rejects(change, (error: unknown) => {
    assert.ok(error instanceof LicensingRuleError, `refused by a Licensing rule, not ${String(error)}`);
    const messages = error.problems.filter((p) => p.field === field).map((p) => p.message);
    assert.ok(messages.length > 0, `a problem at ${field} among ${JSON.stringify(error.problems)}`);
    if (typeof message === 'string') assert.ok(messages.includes(message), JSON.stringify(messages));
    else
      assert.ok(
        messages.some((m) => message.test(m)),
        JSON.stringify(messages),
      );
    return true;
  });
  assert.deepEqual(await licensingSnapshot(tx), before, 'nothing was written, to the ledger or any table');
}
