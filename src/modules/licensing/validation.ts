import { z } from 'zod';
import { dateField, optionalText, requiredText } from '#src/web/form-fields.ts';
import { CHECK_NAMES, LICENCE_KIND_NAMES } from './rules/labels.ts';
import { MAX_SUSPENSION_DAYS } from './rules/reviews.ts';
import {
  BARRED_LISTS,
  CHECK_KINDS,
  CHECK_OUTCOMES,
  GATE_ACTIONS,
  HOLDER_KINDS,
  LICENCE_KINDS,
  REVIEW_OUTCOMES,
  REVIEW_RISKS,
  REVIEW_SOURCES,
  VEHICLE_CHECK_RESULTS,
} from './rules/types.ts';

/*
 * What the Licensing forms, queries and API accept. Each refusal names the field
 * and what is allowed; the rules (rules/) then check what only the records can tell.
 */

const uuid = (what: string) => z.uuid({ message: `Select ${what}` });
const optionalUuid = (what: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message: `Select ${what}` }).nullable());
const optionalDate = (label: string, example: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(
      z.iso
        .date({ message: `${label} must be a real date written YYYY-MM-DD, such as ${example}` })
        .nullable(),
    );

/** A date query (`?date=`): a real date, or none for today. */
export const licensingDateQuery = z.object({
  date: z.iso
    .date({ message: 'The date must be a real date written YYYY-MM-DD, such as 2015-11-27' })
    .optional(),
});

export const holderInput = z
  .object({
    kind: z.enum(HOLDER_KINDS, {
      message: 'Select whether the holder is a driver, a vehicle or an operator',
    }),
    name: requiredText('the name (a vehicle’s registration mark, an operator’s trading name)', 200),
    dateOfBirth: optionalDate('The date of birth', '1970-04-01'),
  })
  .refine((h) => h.kind !== 'driver' || h.dateOfBirth !== null, {
    message: 'Enter the driver’s date of birth',
    path: ['dateOfBirth'],
  })
  .refine((h) => h.kind === 'driver' || h.dateOfBirth === null, {
    message: 'Only a driver has a date of birth',
    path: ['dateOfBirth'],
  });
export type HolderInput = z.output<typeof holderInput>;

export const licenceInput = z.object({
  number: requiredText('the licence number', 40),
  kind: z.enum(LICENCE_KINDS, {
    message: `Select the kind of licence: ${LICENCE_KINDS.map((k) => LICENCE_KIND_NAMES[k]).join(', ')}`,
  }),
  appliedOn: dateField('the date of the application', '2015-11-02'),
  conditions: optionalText('Conditions', 5000),
});
export type LicenceInput = z.output<typeof licenceInput>;

/** The barred lists ticked on the form: a checkbox group sends one value, several or none. */
const barredLists = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()))
  .pipe(z.array(z.enum(BARRED_LISTS, { message: 'Select the children’s or adults’ barred list' })));

export const checkInput = z.object({
  kind: z.enum(CHECK_KINDS, {
    message: `Select the kind of check: ${CHECK_KINDS.map((k) => CHECK_NAMES[k]).join(', ')}`,
  }),
  doneOn: dateField('the date of the check', '2015-10-01'),
  outcome: z.enum(CHECK_OUTCOMES, {
    message: 'Select what the check found: clear, information disclosed or failed',
  }),
  certificateNumber: optionalText('The certificate number', 40),
  barredLists,
  course: optionalText('The course', 300),
  validUntil: optionalDate('The date it runs until', '2016-10-01'),
});
export type CheckInput = z.output<typeof checkInput>;

export const gateInput = z.object({
  action: z.enum(GATE_ACTIONS, { message: 'Select grant or renew' }),
  on: dateField('the date the licence is to be granted or renewed from', '2015-11-27'),
  endOn: dateField('the date the licence is to run until', '2018-11-26'),
});
export type GateInput = z.output<typeof gateInput>;

export const refusalInput = z.object({
  refusedOn: dateField('the date of the refusal', '2015-11-27'),
  reasons: requiredText('the reasons for the refusal', 5000),
});
export type RefusalInput = z.output<typeof refusalInput>;

export const caseInput = z.object({
  reference: requiredText('the case reference', 40),
  holderId: uuid('the licence holder'),
  licenceId: optionalUuid('one of the holder’s licences'),
  functionId: uuid('the licensing function the decision is taken under'),
  openedOn: dateField('the date the case was opened', '2015-03-02'),
  source: z.enum(REVIEW_SOURCES, { message: 'Select what the case was opened on' }),
  risk: z.enum(REVIEW_RISKS, { message: 'Select the risk: high, medium or low' }),
  information: requiredText('the information the case was opened on', 5000),
  investigationStartedOn: optionalDate('The date the investigation started', '2015-03-09'),
});
export type CaseInput = z.output<typeof caseInput>;

/** The councillors ticked for the panel. */
const personIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()))
  .pipe(z.array(z.uuid({ message: 'Select the advisory councillors from the list' })));

export const hearingInput = z.object({
  scheduledOn: dateField('the date the hearing was fixed', '2015-11-02'),
  hearingOn: dateField('the date of the hearing', '2015-12-10'),
  panelPersonIds: personIds,
});
export type HearingInput = z.output<typeof hearingInput>;

export const adjournInput = z.object({
  adjournedOn: dateField('the date the hearing was adjourned', '2015-12-10'),
  reason: requiredText('why the hearing was adjourned', 2000),
});

export const investigationInput = z.object({
  startedOn: dateField('the date the investigation started', '2015-03-09'),
});

export const closeInput = z.object({
  closedOn: dateField('the date the case was closed', '2015-09-30'),
  reason: requiredText('why the case is closed without a hearing', 2000),
});
export type CloseInput = z.output<typeof closeInput>;

const optionalOutcome = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null)
  .pipe(z.enum(REVIEW_OUTCOMES, { message: 'Select the councillors’ proposed decision' }).nullable());

export const decisionInput = z.object({
  hearingId: uuid('the hearing the decision was taken at'),
  decidedOn: dateField('the date of the decision', '2015-10-15'),
  decidedByPersonId: uuid('who took the decision'),
  proposedOutcome: optionalOutcome,
  proposedByPersonId: optionalUuid('the councillor who proposed it'),
  outcome: z.enum(REVIEW_OUTCOMES, {
    message: 'Select the decision: revoke, suspend, formal warning or no further action',
  }),
  reasons: z
    .string()
    .trim()
    .max(5000, 'The reasons must be 5000 characters or fewer')
    .nullish()
    .transform((v) => v ?? ''),
  effectiveOn: dateField('the date the decision takes effect', '2015-11-05'),
  immediate: z
    .enum(['yes', 'no'], {
      message: 'Select whether it takes effect immediately in the interests of public safety',
    })
    .transform((v) => v === 'yes'),
  suspensionDays: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || /^\d+$/.test(v), {
      message: `The period of the suspension must be a whole number of days from 1 to ${MAX_SUSPENSION_DAYS}`,
    })
    .transform((v) => (v === null ? null : Number(v))),
});
export type DecisionInput = z.output<typeof decisionInput>;

export const vehicleCheckInput = z.object({
  holderId: uuid('the vehicle'),
  checkedOn: dateField('the date of the check', '2015-11-20'),
  announced: z
    .enum(['yes', 'no'], { message: 'Select whether the check was announced beforehand' })
    .transform((v) => v === 'yes'),
  result: z.enum(VEHICLE_CHECK_RESULTS, { message: 'Select the result: pass, advisory or fail' }),
  notes: optionalText('Notes', 2000),
});
export type VehicleCheckInput = z.output<typeof vehicleCheckInput>;

const optionalCriterion = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => v || null);

/** A register search: any of name, date of birth and licence number (the rules need at least one). */
export const registerQuery = z.object({
  name: optionalCriterion(200, 'The name'),
  dateOfBirth: optionalDate('The date of birth', '1970-04-01'),
  licenceNumber: optionalCriterion(40, 'The licence number'),
  format: z.enum(['csv'], { message: 'The format must be csv, or left out' }).optional(),
});
