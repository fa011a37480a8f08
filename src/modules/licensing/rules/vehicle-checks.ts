import { nextQuarter, quarterOf } from '#src/modules/powers/rules/dates.ts';
import type { VehicleCheckFacts } from './types.ts';

/*
 * Vehicle compliance checks (Statutory Standards, section 7 and its enforcement paragraphs; seed 003:
 * unannounced checks replaced by checks on ten days' notice): the share of the
 * checks in each quarter that were unannounced, every quarter from the first to
 * the last with a check shown, none skipped.
 */

export interface UnannouncedShare {
  /** Written like '2015 Q4'. */
  quarter: string;
  checks: number;
  unannounced: number;
  /** From 0 to 1; null in a quarter with no checks. */
  share: number | null;
  failed: number;
  checkIds: string[];
  unannouncedIds: string[];
}

/** The unannounced share of `checks` by quarter, in order, with the empty quarters between. */
export function unannouncedShares(checks: readonly VehicleCheckFacts[]): UnannouncedShare[] {
  if (!checks.length) return [];
  const sorted = [...checks].sort((a, b) =>
    a.checkedOn === b.checkedOn ? (a.id < b.id ? -1 : 1) : a.checkedOn < b.checkedOn ? -1 : 1,
  );
  const rows: UnannouncedShare[] = [];
  const blank = (quarter: string): UnannouncedShare => ({
    quarter,
    checks: 0,
    unannounced: 0,
    share: null,
    failed: 0,
    checkIds: [],
    unannouncedIds: [],
  });
  let row = blank(quarterOf((sorted[0] as VehicleCheckFacts).checkedOn));
  rows.push(row);
  for (const check of sorted) {
    const q = quarterOf(check.checkedOn);
    while (row.quarter !== q) {
      row = blank(nextQuarter(row.quarter));
      rows.push(row);
    }
    row.checks += 1;
    row.checkIds.push(check.id);
    if (!check.announced) {
      row.unannounced += 1;
      row.unannouncedIds.push(check.id);
    }
    if (check.result === 'fail') row.failed += 1;
  }
  for (const r of rows) r.share = r.checks ? r.unannounced / r.checks : null;
  return rows;
}
