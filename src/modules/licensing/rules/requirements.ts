import { addMonths } from '#src/modules/improvement/rules/calendar.ts';
import {
  CHECK_KINDS,
  type CheckFacts,
  type CheckKind,
  type HolderKind,
  LICENCE_KINDS,
  type LicenceKind,
} from './types.ts';

/*
 * Which checks each kind of licence needs, and how long each check stays
 * current. A check is current up to and including the day it runs out; from
 * the day after it is overdue. Every period here is documented, with the
 * paragraph of the Statutory Taxi and Private Hire Vehicle Standards (or the
 * common practice) behind it, in docs/licensing.md.
 */

const DRIVER_CHECKS: readonly CheckKind[] = [
  'dbs_enhanced',
  'dbs_update_service',
  'dbs_status_check',
  'driving_licence',
  'right_to_work',
  'medical',
  'safeguarding_training',
];

/** The checks a holder needs before a licence of each kind is granted or renewed, and to keep it. */
export const REQUIRED_CHECKS: Readonly<Record<LicenceKind, readonly CheckKind[]>> = {
  hackney_carriage_driver: DRIVER_CHECKS,
  private_hire_driver: DRIVER_CHECKS,
  dual_driver: DRIVER_CHECKS,
  hackney_carriage_vehicle: ['vehicle_inspection'],
  private_hire_vehicle: ['vehicle_inspection'],
  private_hire_operator: ['basic_dbs', 'right_to_work'],
};

/** Who can hold each kind of licence: a driver a driver's licence, a vehicle a vehicle licence, an operator an operator's. */
export const HOLDER_OF_LICENCE: Readonly<Record<LicenceKind, HolderKind>> = {
  hackney_carriage_driver: 'driver',
  private_hire_driver: 'driver',
  dual_driver: 'driver',
  hackney_carriage_vehicle: 'vehicle',
  private_hire_vehicle: 'vehicle',
  private_hire_operator: 'operator',
};

/**
 * The kinds of check a holder of this kind can have recorded: those some licence
 * they could hold needs, in the order of CHECK_KINDS. A vehicle inspection is
 * not a check of a driver, nor a medical of a vehicle.
 */
export function checksFor(holder: HolderKind): readonly CheckKind[] {
  return requiredChecks(LICENCE_KINDS.filter((k) => HOLDER_OF_LICENCE[k] === holder));
}

/**
 * How many whole months a check of each kind stays current from the day it
 * was done; null when it has no end of its own (a right to work without a
 * time limit). A check that carries its own earlier end (`validUntil`) runs
 * out on that day instead.
 */
export const CHECK_VALIDITY_MONTHS: Readonly<Record<CheckKind, number | null>> = {
  dbs_enhanced: 36,
  dbs_update_service: 12,
  dbs_status_check: 6,
  basic_dbs: 12,
  driving_licence: 12,
  right_to_work: null,
  medical: 60,
  safeguarding_training: 36,
  vehicle_inspection: 12,
};

/** From this age a driver's medical is needed every year rather than every five. */
export const ANNUAL_MEDICAL_FROM_AGE = 65;

/** How many months a medical done from that age stays current. */
export const ANNUAL_MEDICAL_MONTHS = 12;

/** What decides the day a check runs out: its kind's period, its own end date, or the holder's 65th birthday. */
export type ExpiryLimit = 'period' | 'own_end' | 'age';

/** The last day a check counts, and what set it; `runsOutOn` is null when nothing ends it. */
export interface CheckExpiry {
  runsOutOn: string | null;
  limit: ExpiryLimit | null;
}

/** The answers of `requiredChecks`, by the kinds asked about: there are only so many mixes of licences. */
const REQUIRED_FOR = new Map<string, readonly CheckKind[]>();

/**
 * The checks needed for all of `kinds` together, each once, in the order of
 * CHECK_KINDS: a holder with two licences needs what either needs.
 */
export function requiredChecks(kinds: Iterable<LicenceKind>): readonly CheckKind[] {
  const list = [...kinds];
  const key = list.join(' ');
  let checks = REQUIRED_FOR.get(key);
  if (!checks) {
    const needed = new Set<CheckKind>();
    for (const kind of list) for (const check of REQUIRED_CHECKS[kind]) needed.add(check);
    checks = Object.freeze(CHECK_KINDS.filter((k) => needed.has(k)));
    REQUIRED_FOR.set(key, checks);
  }
  return checks;
}

/**
 * Whether a recorded check counts towards a licence at all. An enhanced DBS
 * certificate counts only when it was checked against both the children's and
 * the adults' barred lists; every other check counts as recorded.
 */
export function countsForLicensing(check: Pick<CheckFacts, 'kind' | 'barredLists'>): boolean {
  if (check.kind !== 'dbs_enhanced') return true;
  return check.barredLists.includes('children') && check.barredLists.includes('adults');
}

/**
 * The last day `check` counts, and what set that day. It is the earliest of:
 * the end of its kind's period from the day it was done; the end date the check
 * carries (`validUntil`: a time-limited right to work, a subscription's renewal
 * date, the doctor's own date for the next medical); and, for a medical done
 * before the holder turned 65, their 65th birthday, after which one is needed
 * every year. `dateOfBirth` is the holder's, when known.
 *
 * @example checkExpiry({ kind: 'dbs_status_check', doneOn: '2015-03-02', validUntil: null }, null)
 *   // { runsOutOn: '2015-09-02', limit: 'period' }
 */
export function checkExpiry(
  check: Pick<CheckFacts, 'kind' | 'doneOn' | 'validUntil'>,
  dateOfBirth: string | null,
): CheckExpiry {
  // Each limit in turn, the earliest kept; on a tie the one found first.
  let runsOutOn: string | null = null;
  let limit: ExpiryLimit | null = null;
  let months = CHECK_VALIDITY_MONTHS[check.kind];
  if (check.kind === 'medical' && dateOfBirth !== null) {
    const sixtyFifth = addMonths(dateOfBirth, ANNUAL_MEDICAL_FROM_AGE * 12);
    if (check.doneOn >= sixtyFifth) months = ANNUAL_MEDICAL_MONTHS;
    else {
      runsOutOn = sixtyFifth;
      limit = 'age';
    }
  }
  if (months !== null) {
    const end = addMonths(check.doneOn, months);
    if (runsOutOn === null || end < runsOutOn) {
      runsOutOn = end;
      limit = 'period';
    }
  }
  if (check.validUntil !== null && (runsOutOn === null || check.validUntil < runsOutOn)) {
    runsOutOn = check.validUntil;
    limit = 'own_end';
  }
  return { runsOutOn, limit };
}
