import { z } from 'zod';
import { ROLES } from '#src/auth/roles.ts';
import { calendarDate, gssCode, PERSON_KINDS } from '#src/modules/councils/validation.ts';

export const BUNDLE_FORMAT = 'freshstart-bundle';
export const BUNDLE_VERSION = 1;

/** Text of 1 to `max` characters; PostgreSQL cannot store the NUL character, so it is refused here. */
const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be ${max} characters or fewer`)
    .refine((v) => !v.includes('\u0000'), 'must not contain the NUL character');

const id = z.uuid({ message: 'must be a UUID' });
const instant = z.iso.datetime({ message: 'must be an ISO 8601 UTC time such as 2015-02-26T09:00:00.000Z' });
const withdrawal = {
  withdrawnAt: instant.nullable().default(null),
  withdrawnReason: text(2000).nullable().default(null),
};

const withdrawalIsExplained = (r: { withdrawnAt: string | null; withdrawnReason: string | null }) =>
  (r.withdrawnAt === null) === (r.withdrawnReason === null);
const withdrawalMessage = {
  message: 'a withdrawn record needs both withdrawnAt and withdrawnReason',
  path: ['withdrawnReason'],
};

export const bundleCouncil = z
  .strictObject({
    id,
    gssCode,
    name: text(200),
    shortName: text(100),
    ...withdrawal,
  })
  .refine(withdrawalIsExplained, withdrawalMessage);

export const bundlePerson = z
  .strictObject({
    id,
    name: text(200),
    kind: z.enum(PERSON_KINDS),
    publicRole: text(300),
    party: text(100).nullable().default(null),
    fromDate: calendarDate.nullable().default(null),
    toDate: calendarDate.nullable().default(null),
    source: text(300).nullable().default(null),
    ...withdrawal,
  })
  .refine(withdrawalIsExplained, withdrawalMessage)
  // The same rule the person form applies: a bundle must not hold what the service would refuse.
  .refine((p) => !p.fromDate || !p.toDate || p.fromDate <= p.toDate, {
    message: 'must be the same as or after fromDate',
    path: ['toDate'],
  });

export const bundleUser = z
  .strictObject({
    id,
    email: z.email({ message: 'must be an email address' }).transform((e) => e.toLowerCase()),
    name: text(200),
    role: z.enum(ROLES),
    personId: id.nullable().default(null),
    passwordHash: z.string().regex(/^\$argon2id\$/, 'must be an argon2id password hash'),
    ...withdrawal,
  })
  .refine(withdrawalIsExplained, withdrawalMessage);

/**
 * A council's whole record, versioned. Later modules add their own sections;
 * unknown fields are refused so that a typo cannot pass unnoticed.
 */
export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  council: bundleCouncil,
  people: z.array(bundlePerson).default([]),
  users: z.array(bundleUser).default([]),
});

export type Bundle = z.output<typeof bundleSchema>;

/** The JSON Schema of the bundle format, generated from the same zod schema import uses. */
export function bundleJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://freshstart.example/schemas/bundle-v1.json',
    title: 'Fresh Start council bundle, version 1',
    ...z.toJSONSchema(bundleSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}
