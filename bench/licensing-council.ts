import { stableId } from '#src/bundles/demo/ids.ts';
import { parseBundle } from '#src/bundles/import.ts';
import type { BundleLicensing } from '#src/bundles/licensing-schema.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '#src/bundles/schema.ts';
import { addMonths } from '#src/modules/improvement/rules/calendar.ts';
import type { CheckKind, LicenceKind } from '#src/modules/licensing/rules/types.ts';
import { addDays } from '#src/modules/powers/rules/dates.ts';

/*
 * The synthetic licensing council of the gate and compliance measures: drivers,
 * vehicles and operators, each with a three-year licence granted between
 * December 2021 and December 2023 (so every one is held through 2024), and the
 * checks a licensing office keeps for them, with their history. Some holders
 * have let a check lapse, so that the gate refuses them and the compliance
 * view lists them: one driver in twelve missed the last six-monthly DBS status
 * check, one in twenty-five let the update service lapse, one in ten never
 * attended safeguarding training.
 */

export const LICENSING_GSS = 'E09999995';
/** The day the gate is asked to renew every sampled licence. */
export const GATE_DAY = '2024-06-03';
/** The last day a check is recorded: the compliance view is read on days of 2024. */
const LAST_RECORDED = '2024-12-31';

export const licensingUuid = (name: string) => stableId(`bench-licensing:${name}`);

type Holder = BundleLicensing['holders'][number];
type Licence = BundleLicensing['licences'][number];
type Check = BundleLicensing['checks'][number];

const NOT_WITHDRAWN = { withdrawnAt: null, withdrawnReason: null } as const;
const DRIVER_KINDS: LicenceKind[] = ['private_hire_driver', 'hackney_carriage_driver', 'dual_driver'];
const VEHICLE_KINDS: LicenceKind[] = ['private_hire_vehicle', 'hackney_carriage_vehicle'];
const COURSE = 'Safeguarding children and vulnerable adults (taxi and private hire trade)';

/** What holder `h` is: four in five drivers, three in twenty vehicles, one in twenty operators. */
const holderKind = (h: number) => (h % 20 === 19 ? 'operator' : h % 20 >= 16 ? 'vehicle' : 'driver');

/** The licence of holder `h` and the checks behind it, as a licensing office records them. */
function holderRecords(h: number) {
  const kind = holderKind(h);
  const id = licensingUuid(`holder:${h}`);
  const startOn = addDays('2021-12-01', (h * 7919) % 760);
  const licenceKind =
    kind === 'driver'
      ? (DRIVER_KINDS[h % 3] as LicenceKind)
      : kind === 'vehicle'
        ? (VEHICLE_KINDS[h % 2] as LicenceKind)
        : 'private_hire_operator';
  const holder: Holder = {
    id,
    kind,
    name:
      kind === 'driver'
        ? `Driver ${h + 1}`
        : kind === 'vehicle'
          ? `BN${String(h % 100).padStart(2, '0')} ${String.fromCharCode(65 + (h % 26), 65 + ((h >> 5) % 26), 65 + ((h >> 10) % 26))}`
          : `Operator ${h + 1} Cars`,
    dateOfBirth: kind === 'driver' ? addDays('1960-01-01', (h * 104729) % 14_600) : null,
    ...NOT_WITHDRAWN,
  };
  const licence: Licence = {
    id: licensingUuid(`licence:${h}`),
    holderId: id,
    number: `${{ driver: 'D', vehicle: 'V', operator: 'O' }[kind]}-${String(h + 1).padStart(6, '0')}`,
    kind: licenceKind,
    status: 'granted',
    startOn,
    endOn: addDays(addMonths(startOn, 36), -1),
    statusFrom: startOn,
    conditions: null,
    ...NOT_WITHDRAWN,
  };
  const checks: Check[] = [];
  const check = (kind: CheckKind, doneOn: string, extra: Partial<Check> = {}) => {
    if (doneOn <= LAST_RECORDED)
      checks.push({
        id: licensingUuid(`check:${h}:${kind}:${doneOn}`),
        holderId: id,
        kind,
        doneOn,
        outcome: 'clear',
        certificateNumber: null,
        barredLists: [],
        course: null,
        validUntil: null,
        ...NOT_WITHDRAWN,
        ...extra,
      });
  };
  /** Checks every `months` from `first`, the last `keep` of them up to `until`. */
  const every = (
    kind: CheckKind,
    first: string,
    months: number,
    keep: number,
    until: string,
    extra: Partial<Check> = {},
  ) => {
    const days: string[] = [];
    for (let on = first; on <= until; on = addMonths(on, months)) days.push(on);
    for (const on of days.slice(-keep)) check(kind, on, extra);
  };
  const certificate = String(100_000_000_000 + h * 7919).padStart(12, '0');
  if (kind === 'driver') {
    const dbsOn = addDays(startOn, -21);
    check('dbs_enhanced', dbsOn, { certificateNumber: certificate, barredLists: ['children', 'adults'] });
    every('dbs_update_service', dbsOn, 12, 2, h % 25 === 3 ? '2023-06-01' : LAST_RECORDED);
    every('dbs_status_check', addMonths(startOn, 6), 6, 3, h % 12 === 5 ? '2024-01-01' : LAST_RECORDED);
    every('driving_licence', addDays(startOn, -14), 12, 2, LAST_RECORDED);
    check('right_to_work', addDays(startOn, -28), h % 10 === 7 ? { validUntil: '2025-03-31' } : {});
    check('medical', addDays(startOn, -35));
    if (h % 10 !== 1) check('safeguarding_training', addDays(startOn, -40), { course: COURSE });
  } else if (kind === 'vehicle') {
    every('vehicle_inspection', addDays(startOn, -7), 12, 3, LAST_RECORDED);
  } else {
    every('basic_dbs', addDays(startOn, -30), 12, 2, LAST_RECORDED, { certificateNumber: certificate });
    check('right_to_work', addDays(startOn, -28));
  }
  return { holder, licence, checks };
}

/** The council of `holders` licence holders as a validated bundle. */
export function syntheticLicensingBundle(holders: number) {
  const licensing: Pick<BundleLicensing, 'holders' | 'licences' | 'checks'> = {
    holders: [],
    licences: [],
    checks: [],
  };
  for (let h = 0; h < holders; h++) {
    const records = holderRecords(h);
    licensing.holders.push(records.holder);
    licensing.licences.push(records.licence);
    licensing.checks.push(...records.checks);
  }
  return parseBundle({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: {
      id: licensingUuid('council'),
      gssCode: LICENSING_GSS,
      name: 'Benchmark Licensing Council',
      shortName: 'Benchmark Licensing',
    },
    people: [],
    users: [],
    licensing,
  });
}
