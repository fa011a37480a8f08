import { z } from 'zod';
import { dateField, optionalText, requiredText } from '#src/web/form-fields.ts';
import {
  DECISION_OUTCOMES,
  HOLDER_KINDS,
  PAUSE_CAUSES,
  PROVISION_MODES,
  RESTORATION_STEPS,
  STEP_OUTCOMES,
} from './schema.ts';

const uuid = (what: string) => z.uuid({ message: `Select ${what}` });

/** The `date` query of "who holds power": a real date, or none for today. */
export const powersDateQuery = z.object({
  date: z.iso
    .date({ message: 'The date must be a real date written YYYY-MM-DD, such as 2016-03-01' })
    .optional(),
});

export const decisionInput = z.object({
  functionId: uuid('the function the decision is about'),
  decidedOn: dateField('the date of the decision', '2016-02-01'),
  title: requiredText('what the decision is about', 300),
  meeting: requiredText('the meeting', 300),
  meetingPublic: z
    .enum(['yes', 'no'], { message: 'Select whether the meeting was public' })
    .transform((v) => v === 'yes'),
  report: requiredText('the report the decision was taken on', 500),
  proposedById: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message: 'Select the councillor who proposed it' }).nullable()),
  proposal: optionalText('The proposal', 5000),
  outcome: z.enum(DECISION_OUTCOMES, { message: 'Select the outcome' }),
  reasons: requiredText('the reasons for the decision', 5000),
});
export type DecisionInput = z.output<typeof decisionInput>;

export const stepInput = z.object({
  step: z.enum(RESTORATION_STEPS, { message: 'Select the step' }),
  completedOn: dateField('the date the step was completed', '2016-02-01'),
  outcome: z.enum(STEP_OUTCOMES, { message: 'Select whether the step passed or failed' }),
  people: requiredText('who took part', 2000),
  documents: requiredText('the documents', 2000),
  notes: optionalText('Notes', 5000),
});
export type StepInput = z.output<typeof stepInput>;

const met = (label: string) =>
  z.enum(['met', 'not-met'], { message: `Select whether ${label} is met` }).transform((v) => v === 'met');

export const restorationFunctionInput = z.object({
  functionId: uuid('the function'),
  serviceMet: met('the service criterion'),
  serviceEvidence: requiredText('the evidence for the service criterion', 5000),
  leadershipMet: met('the leadership criterion'),
  leadershipEvidence: requiredText('the evidence for the leadership criterion', 5000),
  assuranceMet: met('the assurance criterion'),
  assuranceEvidence: requiredText('the evidence for the assurance criterion', 5000),
  councillorsMet: met('the councillors criterion'),
  councillorsEvidence: requiredText('the evidence for the councillors criterion', 5000),
  returnsToKind: z.enum(HOLDER_KINDS, { message: 'Select who the function returns to' }),
  returnsToPersonId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message: 'Select the person it returns to' }).nullable()),
  returnsToName: requiredText('the post or body it returns to', 300),
});
export type RestorationFunctionInput = z.output<typeof restorationFunctionInput>;

export const restorationInput = z
  .object({
    title: requiredText('the title of the proposal', 300),
    openedOn: dateField('the date the proposal was opened', '2016-02-01'),
    proposedEffectiveDate: dateField('the proposed effective date', '2016-02-01'),
  })
  .refine((r) => r.proposedEffectiveDate >= r.openedOn, {
    message: 'The proposed effective date must be the same as or after the date the proposal was opened',
    path: ['proposedEffectiveDate'],
  });
export type RestorationInput = z.output<typeof restorationInput>;

export const pauseInput = z.object({
  cause: z.enum(PAUSE_CAUSES, { message: 'Select what caused the pause' }),
  pausedOn: dateField('the date of the pause', '2016-02-01'),
  detail: requiredText('what was raised', 5000),
});
export type PauseInput = z.output<typeof pauseInput>;

export const pauseResolution = z.object({
  resolvedOn: dateField('the date the pause was resolved', '2016-02-01'),
  resolution: requiredText('how it was resolved', 5000),
});

export const representationInput = z.object({
  receivedOn: dateField('the date the representation was received', '2016-02-01'),
  fromWhom: requiredText('who made the representation', 300),
  summary: requiredText('a summary of the representation', 5000),
  response: optionalText('The Commissioners’ response', 5000),
});
export type RepresentationInput = z.output<typeof representationInput>;

export const directionInput = z.object({
  title: requiredText('the title of the Direction', 300),
  issuedBy: requiredText('the Secretary of State who issued it', 300),
  madeOn: dateField('the date the Direction was made', '2016-02-01'),
  inForceFrom: dateField('the date it comes into force', '2016-02-01'),
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
  legalBasis: requiredText('the legal basis', 300),
  body: requiredText('the text of the Direction', 100_000),
  source: optionalText('Source', 300),
  provisions: z
    .array(z.object({ functionId: z.uuid({ message: 'Select a function' }), mode: z.enum(PROVISION_MODES) }))
    .min(1, 'Select at least one function the Direction provides for'),
});
export type DirectionInput = z.output<typeof directionInput>;

export const representationResponse = z.object({
  response: requiredText('the Commissioners’ response', 5000),
});
