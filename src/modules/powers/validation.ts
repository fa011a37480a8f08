import { z } from 'zod';
import {
  DECISION_OUTCOMES,
  HOLDER_KINDS,
  PAUSE_CAUSES,
  PROVISION_MODES,
  RESTORATION_STEPS,
  STEP_OUTCOMES,
} from './schema.ts';

/** Form text: trimmed, required, at most `max` characters. */
const required = (label: string, max: number) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

/** Optional form text: an empty field is null. */
const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => v || null);

/** A date field written YYYY-MM-DD (what a browser's date picker sends). */
const dateField = (label: string) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .pipe(
      z.iso.date({
        message: `${label[0]?.toUpperCase()}${label.slice(1)} must be a real date written YYYY-MM-DD, such as 2016-02-01`,
      }),
    );

const uuid = (what: string) => z.uuid({ message: `Select ${what}` });

/** The `date` query of "who holds power": a real date, or none for today. */
export const powersDateQuery = z.object({
  date: z.iso
    .date({ message: 'The date must be a real date written YYYY-MM-DD, such as 2016-03-01' })
    .optional(),
});

export const decisionInput = z.object({
  functionId: uuid('the function the decision is about'),
  decidedOn: dateField('the date of the decision'),
  title: required('what the decision is about', 300),
  meeting: required('the meeting', 300),
  meetingPublic: z
    .enum(['yes', 'no'], { message: 'Select whether the meeting was public' })
    .transform((v) => v === 'yes'),
  report: required('the report the decision was taken on', 500),
  proposedById: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message: 'Select the councillor who proposed it' }).nullable()),
  proposal: optional('The proposal', 5000),
  outcome: z.enum(DECISION_OUTCOMES, { message: 'Select the outcome' }),
  reasons: required('the reasons for the decision', 5000),
});
export type DecisionInput = z.output<typeof decisionInput>;

export const stepInput = z.object({
  step: z.enum(RESTORATION_STEPS, { message: 'Select the step' }),
  completedOn: dateField('the date the step was completed'),
  outcome: z.enum(STEP_OUTCOMES, { message: 'Select whether the step passed or failed' }),
  people: required('who took part', 2000),
  documents: required('the documents', 2000),
  notes: optional('Notes', 5000),
});
export type StepInput = z.output<typeof stepInput>;

const met = (label: string) =>
  z.enum(['met', 'not-met'], { message: `Select whether ${label} is met` }).transform((v) => v === 'met');

export const restorationFunctionInput = z.object({
  functionId: uuid('the function'),
  serviceMet: met('the service criterion'),
  serviceEvidence: required('the evidence for the service criterion', 5000),
  leadershipMet: met('the leadership criterion'),
  leadershipEvidence: required('the evidence for the leadership criterion', 5000),
  assuranceMet: met('the assurance criterion'),
  assuranceEvidence: required('the evidence for the assurance criterion', 5000),
  councillorsMet: met('the councillors criterion'),
  councillorsEvidence: required('the evidence for the councillors criterion', 5000),
  returnsToKind: z.enum(HOLDER_KINDS, { message: 'Select who the function returns to' }),
  returnsToPersonId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message: 'Select the person it returns to' }).nullable()),
  returnsToName: required('the post or body it returns to', 300),
});
export type RestorationFunctionInput = z.output<typeof restorationFunctionInput>;

export const restorationInput = z
  .object({
    title: required('the title of the proposal', 300),
    openedOn: dateField('the date the proposal was opened'),
    proposedEffectiveDate: dateField('the proposed effective date'),
  })
  .refine((r) => r.proposedEffectiveDate >= r.openedOn, {
    message: 'The proposed effective date must be the same as or after the date the proposal was opened',
    path: ['proposedEffectiveDate'],
  });
export type RestorationInput = z.output<typeof restorationInput>;

export const pauseInput = z.object({
  cause: z.enum(PAUSE_CAUSES, { message: 'Select what caused the pause' }),
  pausedOn: dateField('the date of the pause'),
  detail: required('what was raised', 5000),
});
export type PauseInput = z.output<typeof pauseInput>;

export const pauseResolution = z.object({
  resolvedOn: dateField('the date the pause was resolved'),
  resolution: required('how it was resolved', 5000),
});

export const representationInput = z.object({
  receivedOn: dateField('the date the representation was received'),
  fromWhom: required('who made the representation', 300),
  summary: required('a summary of the representation', 5000),
  response: optional('The Commissioners’ response', 5000),
});
export type RepresentationInput = z.output<typeof representationInput>;

export const directionInput = z.object({
  title: required('the title of the Direction', 300),
  issuedBy: required('the Secretary of State who issued it', 300),
  madeOn: dateField('the date the Direction was made'),
  inForceFrom: dateField('the date it comes into force'),
  inForceUntil: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.iso.date({ message: 'The last day in force must be a real date written YYYY-MM-DD' }).nullable()),
  supersedesId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message: 'Select the Direction it supersedes' }).nullable()),
  legalBasis: required('the legal basis', 300),
  body: required('the text of the Direction', 100_000),
  source: optional('Source', 300),
  provisions: z
    .array(z.object({ functionId: z.uuid({ message: 'Select a function' }), mode: z.enum(PROVISION_MODES) }))
    .min(1, 'Select at least one function the Direction provides for'),
});
export type DirectionInput = z.output<typeof directionInput>;

export const representationResponse = z.object({
  response: required('the Commissioners’ response', 5000),
});
