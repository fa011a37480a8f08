import { z } from 'zod';

export { calendarDate } from '#src/modules/councils/validation.ts';

/** Text of 1 to `max` characters; PostgreSQL cannot store the NUL character, so it is refused here. */
export const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be ${max} characters or fewer`)
    .refine((v) => !v.includes('\u0000'), 'must not contain the NUL character');

export const id = z.uuid({ message: 'must be a UUID' });

export const instant = z.iso.datetime({
  message: 'must be an ISO 8601 UTC time such as 2015-02-26T09:00:00.000Z',
});

/** The fields every record carries: nothing is deleted, a record is withdrawn with a reason. */
export const withdrawal = {
  withdrawnAt: instant.nullable().default(null),
  withdrawnReason: text(2000).nullable().default(null),
};

interface Withdrawal {
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

/** A withdrawn record needs both its time and its reason; a standing one has neither. */
export const withdrawalIsExplained = (r: Withdrawal) =>
  (r.withdrawnAt === null) === (r.withdrawnReason === null);

export const withdrawalMessage = {
  message: 'a withdrawn record needs both withdrawnAt and withdrawnReason',
  path: ['withdrawnReason'],
};

/** The arguments of a refinement of a record: its check, and the message and field of its problem. */
type Refinement = [
  check: (r: Record<string, unknown>) => boolean,
  problem: { message: string; path: string[] },
];

/**
 * The arguments of a refinement that a record's `later` date is the same as or
 * after its `earlier` one, when both are given; the problem is named at `later`.
 *
 * @example bundlePerson.refine(...datesInOrder('fromDate', 'toDate'))
 */
export const datesInOrder = (earlier: string, later: string): Refinement => [
  (r: Record<string, unknown>) => {
    const [from, to] = [r[earlier], r[later]];
    return typeof from !== 'string' || typeof to !== 'string' || from <= to;
  },
  { message: `must be the same as or after ${earlier}`, path: [later] },
];

/**
 * The arguments of a refinement that two fields are given together or not at
 * all (a pause's resolution and the date of it); the problem is named at `second`.
 */
export const givenTogether = (first: string, second: string): Refinement => [
  (r: Record<string, unknown>) => (r[first] === null) === (r[second] === null),
  { message: `must be given when ${first} is, and only then`, path: [second] },
];

/**
 * A record of a bundle: exactly these fields (an unknown one is refused) and the
 * withdrawal fields, with a withdrawal explained.
 */
export function bundleRecord<S extends z.core.$ZodLooseShape>(shape: S) {
  return z
    .strictObject({ ...shape, ...withdrawal })
    .refine((r) => withdrawalIsExplained(r as Withdrawal), withdrawalMessage);
}
