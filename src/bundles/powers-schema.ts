import { z } from 'zod';
import {
  COMMISSIONER_ROLES,
  DECISION_OUTCOMES,
  FUNCTION_SERVICES,
  HOLDER_KINDS,
  PAUSE_CAUSES,
  PROVISION_MODES,
  RESTORATION_STEPS,
  STEP_OUTCOMES,
} from '#src/modules/powers/schema.ts';
import { bundleRecord, calendarDate, datesInOrder, givenTogether, id, text } from './fields.ts';

/*
 * The Powers module's records in a bundle. Each record has the fields of its
 * table (src/modules/powers/schema.ts) in the same order, without the council,
 * which is the bundle's.
 */

/** Lengths: a name or a post, a title, prose (evidence, reasons), and the full text of a Direction. */
const NAME = 300;
const TITLE = 500;
const PROSE = 10_000;
const DIRECTION_BODY = 100_000;

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

export const bundleFunction = bundleRecord({
  id,
  code: text(100),
  name: text(NAME),
  service: z.enum(FUNCTION_SERVICES),
  portfolio: optional(text(NAME)),
  councilHolder: text(NAME),
});

export const bundleDirection = bundleRecord({
  id,
  title: text(TITLE),
  issuedBy: text(NAME),
  madeOn: calendarDate,
  inForceFrom: calendarDate,
  inForceUntil: optional(calendarDate),
  supersedesId: optional(id),
  legalBasis: text(2000),
  body: text(DIRECTION_BODY),
  source: optional(text(NAME)),
})
  .refine(...datesInOrder('madeOn', 'inForceFrom'))
  .refine(...datesInOrder('inForceFrom', 'inForceUntil'));

export const bundleProvision = bundleRecord({
  id,
  directionId: id,
  functionId: id,
  mode: z.enum(PROVISION_MODES),
});

export const bundleAppointment = bundleRecord({
  id,
  personId: optional(id),
  role: z.enum(COMMISSIONER_ROLES),
  appointedBy: text(NAME),
  fromDate: calendarDate,
  toDate: optional(calendarDate),
}).refine(...datesInOrder('fromDate', 'toDate'));

export const bundleAllocation = bundleRecord({
  id,
  functionId: id,
  holderKind: z.enum(HOLDER_KINDS),
  personId: optional(id),
  holderName: text(NAME),
  fromDate: calendarDate,
  toDate: optional(calendarDate),
  restorationId: optional(id),
  reason: text(PROSE),
}).refine(...datesInOrder('fromDate', 'toDate'));

export const bundleRestoration = bundleRecord({
  id,
  title: text(TITLE),
  openedOn: calendarDate,
  proposedEffectiveDate: calendarDate,
}).refine(...datesInOrder('openedOn', 'proposedEffectiveDate'));

export const bundleRestorationFunction = bundleRecord({
  id,
  restorationId: id,
  functionId: id,
  serviceMet: z.boolean(),
  serviceEvidence: text(PROSE),
  leadershipMet: z.boolean(),
  leadershipEvidence: text(PROSE),
  assuranceMet: z.boolean(),
  assuranceEvidence: text(PROSE),
  councillorsMet: z.boolean(),
  councillorsEvidence: text(PROSE),
  returnsToKind: z.enum(HOLDER_KINDS),
  returnsToPersonId: optional(id),
  returnsToName: text(NAME),
});

export const bundleRestorationStep = bundleRecord({
  id,
  restorationId: id,
  step: z.enum(RESTORATION_STEPS),
  completedOn: calendarDate,
  outcome: z.enum(STEP_OUTCOMES),
  people: text(PROSE),
  documents: text(PROSE),
  notes: optional(text(PROSE)),
});

export const bundleRestorationPause = bundleRecord({
  id,
  restorationId: id,
  cause: z.enum(PAUSE_CAUSES),
  pausedOn: calendarDate,
  detail: text(PROSE),
  resolvedOn: optional(calendarDate),
  resolution: optional(text(PROSE)),
})
  .refine(...datesInOrder('pausedOn', 'resolvedOn'))
  .refine(...givenTogether('resolvedOn', 'resolution'));

export const bundleRepresentation = bundleRecord({
  id,
  restorationId: id,
  receivedOn: calendarDate,
  fromWhom: text(NAME),
  summary: text(PROSE),
  response: optional(text(PROSE)),
});

export const bundleDecision = bundleRecord({
  id,
  functionId: id,
  decidedOn: calendarDate,
  title: text(TITLE),
  meeting: text(NAME),
  meetingPublic: z.boolean(),
  report: text(TITLE),
  proposedById: optional(id),
  proposal: optional(text(PROSE)),
  decidedById: id,
  outcome: z.enum(DECISION_OUTCOMES),
  reasons: text(PROSE),
});

/** The Powers section: every list optional and empty by default. */
export const bundlePowers = z.strictObject({
  functions: z.array(bundleFunction).default([]),
  directions: z.array(bundleDirection).default([]),
  provisions: z.array(bundleProvision).default([]),
  commissionerAppointments: z.array(bundleAppointment).default([]),
  allocations: z.array(bundleAllocation).default([]),
  restorations: z.array(bundleRestoration).default([]),
  restorationFunctions: z.array(bundleRestorationFunction).default([]),
  restorationSteps: z.array(bundleRestorationStep).default([]),
  restorationPauses: z.array(bundleRestorationPause).default([]),
  representations: z.array(bundleRepresentation).default([]),
  decisions: z.array(bundleDecision).default([]),
});

export type BundlePowers = z.output<typeof bundlePowers>;

/** The name of one list of the Powers section. */
export type PowersList = keyof BundlePowers;

/** The fields of a record of one list, in schema order: the order of its table's columns. */
export function fieldsOf(list: PowersList): string[] {
  return Object.keys((bundlePowers.shape[list].unwrap().element as z.ZodObject).shape);
}
