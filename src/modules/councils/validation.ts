import { z } from 'zod';

/** An ONS GSS code of a local authority: a letter, two digits and six digits (E08000018). */
export const gssCode = z.string().regex(/^[EWSN]\d{8}$/, 'must be an ONS GSS code such as E08000018');

/** A calendar date written YYYY-MM-DD that exists. */
export const calendarDate = z.iso.date({ message: 'must be a real date written YYYY-MM-DD' });

export const PERSON_KINDS = ['commissioner', 'councillor', 'officer', 'independent', 'minister'] as const;

/** What is needed to record a person in a public role. */
export const personInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the person’s name')
      .max(200, 'Name must be 200 characters or fewer'),
    kind: z.enum(PERSON_KINDS, { message: 'Select what kind of role this is' }),
    publicRole: z
      .string()
      .trim()
      .min(1, 'Enter the public role')
      .max(300, 'Public role must be 300 characters or fewer'),
    party: z
      .string()
      .trim()
      .max(100, 'Party must be 100 characters or fewer')
      .nullish()
      .transform((v) => v || null),
    fromDate: calendarDate
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v || null),
    toDate: calendarDate
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v || null),
    source: z
      .string()
      .trim()
      .max(300, 'Source must be 300 characters or fewer')
      .nullish()
      .transform((v) => v || null),
  })
  .refine((p) => !p.fromDate || !p.toDate || p.fromDate <= p.toDate, {
    message: 'The end date must be the same as or after the start date',
    path: ['toDate'],
  });

export type PersonInput = z.output<typeof personInput>;
