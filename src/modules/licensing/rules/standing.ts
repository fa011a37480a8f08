import { addDays, longDate } from '#src/modules/powers/rules/dates.ts';
import { CHECK_NAMES } from './labels.ts';
import { checkExpiry, countsForLicensing, type ExpiryLimit } from './requirements.ts';
import type { CheckFacts, CheckKind, CheckStanding } from './types.ts';

/*
 * Where each required check of a holder stands on a date: current, due (it runs
 * out within the next 30 days), overdue (it ran out), missing (never done, or
 * only done in a way that does not count), or failed (the latest one failed).
 * Nothing here is stored; the standing is worked out afresh for any date.
 */

/** How many days ahead a check that runs out counts as due. */
export const DUE_WITHIN_DAYS = 30;

/** One required check on a date, with the check it rests on and why it stands as it does. */
export interface CheckPosition {
  kind: CheckKind;
  standing: CheckStanding;
  /** The check it rests on: the latest counting one done on or before the date. */
  checkId: string | null;
  doneOn: string | null;
  /** The last day it counts; null when it is missing or nothing ends it. */
  runsOutOn: string | null;
  limit: ExpiryLimit | null;
  /** What a person reads: "The DBS update service status check is overdue: …". */
  message: string;
}

/** The latest check of each kind done on or before `on` that counts for licensing, by kind. */
function latestByKind(checks: readonly CheckFacts[], on: string): Map<CheckKind, CheckFacts> {
  const latest = new Map<CheckKind, CheckFacts>();
  for (const check of checks) {
    if (check.doneOn > on || !countsForLicensing(check)) continue;
    const known = latest.get(check.kind);
    if (!known || check.doneOn > known.doneOn || (check.doneOn === known.doneOn && check.id > known.id))
      latest.set(check.kind, check);
  }
  return latest;
}

function message(kind: CheckKind, standing: CheckStanding, doneOn: string | null, runsOutOn: string | null) {
  const name = `The ${CHECK_NAMES[kind]}`;
  const last = doneOn === null ? '' : `the last was on ${longDate(doneOn)}`;
  switch (standing) {
    case 'missing':
      return kind === 'dbs_enhanced'
        ? `${name} is missing: none checked against both the children’s and adults’ barred lists is recorded`
        : `${name} is missing: none is recorded`;
    case 'failed':
      return `${name} failed: ${last}`;
    case 'overdue':
      return `${name} is overdue: ${last} and it ran out on ${longDate(runsOutOn as string)}`;
    case 'due':
      return `${name} is due: ${last} and it runs out on ${longDate(runsOutOn as string)}`;
    default:
      return runsOutOn === null
        ? `${name} is current: ${last}`
        : `${name} is current until ${longDate(runsOutOn)}: ${last}`;
  }
}

/** Where a required check stands, before it is put into words. */
export type CheckStandingOf = Omit<CheckPosition, 'message'>;

/** A check's standing with the sentence a person reads. */
export const withMessage = (p: CheckStandingOf): CheckPosition => ({
  ...p,
  message: message(p.kind, p.standing, p.doneOn, p.runsOutOn),
});

/**
 * Where each of `required` stands on `on` for a holder with these `checks`
 * (any of theirs, of any kind and date) and this date of birth. A check done
 * after `on` does not count; a check runs out at the end of the day
 * `checkExpiry` gives, and is due from `DUE_WITHIN_DAYS` days before.
 *
 * @example checkPositions(['dbs_status_check'], checks, null, '2015-11-27')[0].standing // 'overdue'
 */
export function checkPositions(
  required: readonly CheckKind[],
  checks: readonly CheckFacts[],
  dateOfBirth: string | null,
  on: string,
): CheckPosition[] {
  return checkStandings(required, checks, dateOfBirth, on).map(withMessage);
}

/** `checkPositions` without the sentences: what the compliance view reads of every holder, on any date. */
export function checkStandings(
  required: readonly CheckKind[],
  checks: readonly CheckFacts[],
  dateOfBirth: string | null,
  on: string,
): CheckStandingOf[] {
  const latest = latestByKind(checks, on);
  const dueFrom = addDays(on, DUE_WITHIN_DAYS);
  return required.map((kind) => {
    const check = latest.get(kind);
    if (!check)
      return { kind, standing: 'missing', checkId: null, doneOn: null, runsOutOn: null, limit: null };
    const { runsOutOn, limit } = checkExpiry(check, dateOfBirth);
    let standing: CheckStanding = 'current';
    if (check.outcome === 'failed') standing = 'failed';
    else if (runsOutOn !== null && runsOutOn < on) standing = 'overdue';
    else if (runsOutOn !== null && runsOutOn <= dueFrom) standing = 'due';
    return { kind, standing, checkId: check.id, doneOn: check.doneOn, runsOutOn, limit };
  });
}

/** Whether a check in this standing lets a licence be granted: current or due, never missing, overdue or failed. */
export const standingAllowsGrant = (standing: CheckStanding): boolean =>
  standing === 'current' || standing === 'due';
