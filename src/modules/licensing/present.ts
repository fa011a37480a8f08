import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Action, isAllowed } from '#src/auth/policy.ts';
import { HttpError } from '#src/web/errors.ts';
import { currentCouncil, currentUser } from '#src/web/request.ts';
import { CHECK_NAMES, LICENCE_KIND_NAMES, OUTCOME_NAMES, sentenceCase } from './rules/labels.ts';
import type {
  CheckOutcome,
  CheckStanding,
  HolderKind,
  RegisterAction,
  ReviewRisk,
  ReviewSource,
  ReviewStage,
  VehicleCheckResult,
} from './rules/types.ts';

/*
 * What the Licensing pages share: the words for each kind of thing (from
 * rules/labels.ts, so a page and a message call a check the same), the GOV.UK
 * tag colours, and the pieces of a request every page reads.
 */

export const VIEWS = 'modules/licensing/views';

const capitalised = <K extends string>(names: Readonly<Record<K, string>>) =>
  Object.fromEntries(Object.entries(names).map(([k, v]) => [k, sentenceCase(v as string)])) as Record<
    K,
    string
  >;

const HOLDER_KIND_NAMES: Record<HolderKind, string> = {
  driver: 'Driver',
  vehicle: 'Vehicle',
  operator: 'Operator',
};

const STANDING_NAMES: Record<CheckStanding, string> = {
  current: 'Current',
  due: 'Due within 30 days',
  overdue: 'Overdue',
  missing: 'Missing',
  failed: 'Failed',
};

const STANDING_TAGS: Record<CheckStanding, string> = {
  current: 'govuk-tag--green',
  due: 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
  missing: 'govuk-tag--red',
  failed: 'govuk-tag--red',
};

const STAGE_NAMES: Record<ReviewStage, string> = {
  identified: 'Identified',
  investigation: 'Under investigation',
  hearing_scheduled: 'Hearing scheduled',
  decided: 'Decided',
  appeal_window: 'In the appeal window',
  closed: 'Closed',
};

const SOURCE_NAMES: Record<ReviewSource, string> = {
  past_offences: 'Information about past offences',
  complaint: 'A complaint',
  police_information: 'Information from the police',
  other_authority: 'Information from another authority',
  other: 'Other information',
};

const RISK_NAMES: Record<ReviewRisk, string> = { high: 'High', medium: 'Medium', low: 'Low' };

const REGISTER_ACTION_NAMES: Record<RegisterAction, string> = {
  refused: 'Refused',
  suspended: 'Suspended',
  revoked: 'Revoked',
};

const VEHICLE_RESULT_NAMES: Record<VehicleCheckResult, string> = {
  pass: 'Pass',
  advisory: 'Pass with advisories',
  fail: 'Fail',
};

const LICENCE_STATUS_NAMES = {
  application: 'Application',
  granted: 'Granted',
  suspended: 'Suspended',
  revoked: 'Revoked',
  refused: 'Refused',
  surrendered: 'Surrendered',
  expired: 'Expired',
} as const;

const CHECK_OUTCOME_NAMES: Record<CheckOutcome, string> = {
  clear: 'Clear',
  information_disclosed: 'Information disclosed',
  failed: 'Failed',
};

/** The words every Licensing view uses, by kind. */
export const labels = {
  check: capitalised(CHECK_NAMES),
  licenceKind: capitalised(LICENCE_KIND_NAMES),
  outcome: capitalised(OUTCOME_NAMES),
  holderKind: HOLDER_KIND_NAMES,
  standing: STANDING_NAMES,
  standingTag: STANDING_TAGS,
  stage: STAGE_NAMES,
  source: SOURCE_NAMES,
  risk: RISK_NAMES,
  registerAction: REGISTER_ACTION_NAMES,
  vehicleResult: VEHICLE_RESULT_NAMES,
  licenceStatus: LICENCE_STATUS_NAMES,
  checkOutcome: CHECK_OUTCOME_NAMES,
};

/** Each value of a list with its label, as a form's options. */
export const options = <K extends string>(values: readonly K[], names: Readonly<Record<K, string>>) =>
  values.map((value) => ({ value, text: names[value] }));

/** The Licensing pages' address of the council: `/councils/{gss}/licensing`. */
export const licensingBase = (request: FastifyRequest) =>
  `/councils/${currentCouncil(request).gssCode}/licensing`;

/** The signed-in user's actor record for the ledger. */
export const actor = (request: FastifyRequest) => ({ actor: currentUser(request).email });

/** Whether the signed-in user may take `action` on this council's licensing records. */
export function mayAct(request: FastifyRequest, action: Action): boolean {
  const user = request.user;
  return !!user && isAllowed(user.role, action) && user.councilId === currentCouncil(request).id;
}

/** A record's id in the address; 404 when it cannot name one. */
export function paramId(request: FastifyRequest, name: string, what: string): string {
  const parsed = z.uuid().safeParse((request.params as Record<string, string | undefined>)[name]);
  if (!parsed.success) throw new HttpError(404, `There is no such ${what}.`);
  return parsed.data;
}

/** A query value given once, as text; anything else is absent. */
export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}
