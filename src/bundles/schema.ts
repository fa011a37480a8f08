import { z } from 'zod';
import { ROLES } from '#src/auth/roles.ts';
import { gssCode, PERSON_KINDS } from '#src/modules/councils/validation.ts';
import {
  calendarDate,
  datesInOrder,
  id,
  text,
  withdrawal,
  withdrawalIsExplained,
  withdrawalMessage,
} from './fields.ts';
import { bundleImprovement } from './improvement-schema.ts';
import { bundleLicensing } from './licensing-schema.ts';
import { bundlePowers } from './powers-schema.ts';

export const BUNDLE_FORMAT = 'freshstart-bundle';
export const BUNDLE_VERSION = 1;

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
  .refine(...datesInOrder('fromDate', 'toDate'));

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
  // Optional, so a bundle written before the Powers module is still version 1.
  powers: bundlePowers.prefault({}),
  // Optional too: a bundle written before the Improvement module is still version 1.
  improvement: bundleImprovement.prefault({}),
  // And so is one written before the Licensing module.
  licensing: bundleLicensing.prefault({}),
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
