import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import {
  gateAttemptEntity,
  holderEntity,
  licenceEntity,
  licensingCheckEntity,
  registerEntryEntity,
  registerSearchEntity,
  reviewCaseEntity,
  reviewDecisionEntity,
  reviewHearingEntity,
  vehicleCheckEntity,
} from '#src/db/ledgered.ts';
import { type Actor, insertRecord, updateLockedRecord, updateRecord } from '#src/ledger/records.ts';
import { people } from '#src/modules/councils/schema.ts';
import { longDate } from '#src/modules/powers/rules/dates.ts';
import { type Problem, RuleError } from '#src/modules/powers/rules/problem.ts';
import { councilFunctions } from '#src/modules/powers/schema.ts';
import { recordDecision } from '#src/modules/powers/service.ts';
import {
  caseOf,
  gateFacts,
  holderOf,
  licenceOf,
  lockHolder,
  lockLicenceHolder,
  searchRegisterEntries,
} from './record.ts';
import { checkKindProblems, checkProblems } from './rules/checks.ts';
import { type GateDecision, gateDecision, refusalHeading } from './rules/gate.ts';
import { LICENCE_KIND_NAMES, OUTCOME_NAMES } from './rules/labels.ts';
import {
  licenceNumberKey,
  nameKey,
  type RegisterCriteria,
  registerCriteriaProblems,
} from './rules/register.ts';
import { HOLDER_OF_LICENCE } from './rules/requirements.ts';
import { closeProblems, hearingProblems, reviewDecisionProblems } from './rules/reviews.ts';
import type { GateAction, RegisterAction, ReviewOutcome } from './rules/types.ts';
import type {
  GateAttempt,
  Licence,
  LicenceHolder,
  LicensingCheck,
  RegisterEntry,
  ReviewCase,
  ReviewDecision,
  ReviewHearing,
} from './schema.ts';
import type {
  CaseInput,
  CheckInput,
  CloseInput,
  DecisionInput,
  HearingInput,
  HolderInput,
  LicenceInput,
  RefusalInput,
  VehicleCheckInput,
} from './validation.ts';

/*
 * Every change to the Licensing records: each in the caller's transaction with
 * its ledger entry, each refused with the problems a person reads when a rule
 * says no. The gate is different: a refused grant or renewal is itself a
 * record, so the attempt is written and the licence is left as it was.
 */

/** A change the Licensing rules refuse, with the problems a person reads. Nothing was written. */
export class LicensingRuleError extends RuleError {
  constructor(problems: Problem[]) {
    super(problems);
  }
}

function refuseIf(problems: Problem[]): void {
  if (problems.length) throw new LicensingRuleError(problems);
}

const notFound = (what: string) =>
  new LicensingRuleError([{ field: 'form', message: `There is no such ${what}.` }]);

export function addHolder(tx: Tx, councilId: string, input: HolderInput, by: Actor): Promise<LicenceHolder> {
  return insertRecord(tx, holderEntity, { id: randomUUID(), councilId, ...input }, by);
}

/** Records an application for a licence: it is granted only through the gate. */
export async function applyForLicence(
  tx: Tx,
  councilId: string,
  holderId: string,
  input: LicenceInput,
  by: Actor,
): Promise<Licence> {
  const found = await holderOf(tx, councilId, holderId);
  if (!found) throw notFound('licence holder');
  if (HOLDER_OF_LICENCE[input.kind] !== found.holder.kind)
    refuseIf([
      {
        field: 'kind',
        message: `${found.holder.kind === 'operator' ? 'An' : 'A'} ${found.holder.kind} cannot hold a ${LICENCE_KIND_NAMES[input.kind]}`,
      },
    ]);
  const [taken] = await tx
    .select({ id: licenceEntity.id })
    .from(licenceEntity.table)
    .where(and(eq(licenceEntity.table.councilId, councilId), eq(licenceEntity.table.number, input.number)));
  if (taken) refuseIf([{ field: 'number', message: `Licence number ${input.number} is already in use` }]);
  return insertRecord(
    tx,
    licenceEntity,
    {
      id: randomUUID(),
      councilId,
      holderId,
      number: input.number,
      kind: input.kind,
      status: 'application',
      startOn: input.appliedOn,
      endOn: null,
      statusFrom: null,
      conditions: input.conditions,
    },
    by,
  );
}

/** Records a check or a training course attended, refusing a malformed one. */
export async function recordCheck(
  tx: Tx,
  councilId: string,
  holderId: string,
  input: CheckInput,
  today: string,
  by: Actor,
): Promise<LicensingCheck> {
  const found = await holderOf(tx, councilId, holderId);
  if (!found) throw notFound('licence holder');
  refuseIf([...checkKindProblems(found.holder.kind, input.kind), ...checkProblems(input, today)]);
  await lockHolder(tx, holderId);
  return insertRecord(tx, licensingCheckEntity, { id: randomUUID(), councilId, holderId, ...input }, by);
}

/** What an attempt at the gate came to: the attempt as recorded and the gate's answer. */
export interface GateOutcome {
  attempt: GateAttempt;
  decision: GateDecision;
  heading: string;
}

/**
 * Tries to grant or renew a licence on `on` until `endOn`. The attempt is always
 * recorded; the licence changes only when the gate allows it. Nobody can
 * override the gate: there is no parameter that could carry an override.
 */
export async function attemptLicence(
  tx: Tx,
  councilId: string,
  licenceId: string,
  action: GateAction,
  on: string,
  endOn: string,
  by: Actor,
): Promise<GateOutcome> {
  if (endOn <= on)
    refuseIf([{ field: 'endOn', message: `The licence must run until a day after ${longDate(on)}` }]);
  const { licence, decision } = await decideGate(tx, councilId, licenceId, action, on);
  const attempt = await insertRecord(
    tx,
    gateAttemptEntity,
    {
      id: randomUUID(),
      councilId,
      licenceId,
      action,
      attemptedOn: on,
      allowed: decision.allowed,
      problems: decision.problems.map((p) => p.message),
      newEndOn: decision.allowed ? endOn : null,
    },
    by,
  );
  if (decision.allowed)
    await updateLockedRecord(
      tx,
      licenceEntity,
      licence,
      {
        status: 'granted',
        startOn: action === 'grant' ? on : licence.startOn,
        endOn,
        statusFrom: on,
      },
      {
        ...by,
        reason: `${action === 'grant' ? 'Granted' : 'Renewed'}: every required check was current on ${longDate(on)}`,
      },
      action,
    );
  return { attempt, decision, heading: refusalHeading(action, licence, on) };
}

/** The licence the gate was asked about, as read under its holder's lock, and the gate's answer for it on a day. */
export interface GateAnswer {
  licence: Licence;
  decision: GateDecision;
}

/**
 * The gate's answer for granting or renewing a licence on `on`, read in the
 * caller's transaction after its holder's lock is taken (the lock every change
 * to their licences and checks takes), so that the answer holds until the
 * transaction ends. Nothing is written: `attemptLicence` records the attempt.
 */
export async function decideGate(
  tx: Tx,
  councilId: string,
  licenceId: string,
  action: GateAction,
  on: string,
): Promise<GateAnswer> {
  if (!(await lockLicenceHolder(tx, councilId, licenceId))) throw notFound('licence');
  const facts = await gateFacts(tx, councilId, licenceId);
  if (!facts) throw notFound('licence');
  const { licence } = facts;
  return { licence, decision: gateDecision(action, licence, facts.checks, facts.dateOfBirth, on) };
}

/** A register entry for a licence refused, suspended or revoked, with the holder's details as they are now. */
async function addRegisterEntry(
  tx: Tx,
  licence: Licence,
  holder: LicenceHolder,
  entry: {
    action: RegisterAction;
    decidedOn: string;
    effectiveOn: string;
    reasons: string;
    reviewDecisionId: string | null;
  },
  by: Actor,
): Promise<RegisterEntry> {
  return insertRecord(
    tx,
    registerEntryEntity,
    registerEntryRow(licence, holder, { id: randomUUID(), ...entry }),
    by,
  );
}

/** The row of a register entry: the holder's and licence's details, and the search keys derived from them. */
export function registerEntryRow(
  licence: Pick<Licence, 'id' | 'councilId' | 'number' | 'kind'>,
  holder: Pick<LicenceHolder, 'id' | 'name' | 'dateOfBirth'>,
  entry: {
    id: string;
    action: RegisterAction;
    decidedOn: string;
    effectiveOn: string;
    reasons: string;
    reviewDecisionId: string | null;
  },
) {
  return {
    ...entry,
    councilId: licence.councilId,
    holderId: holder.id,
    licenceId: licence.id,
    name: holder.name,
    dateOfBirth: holder.dateOfBirth,
    licenceNumber: licence.number,
    licenceKind: licence.kind,
    ...registerKeys(holder.name, licence.number),
  };
}

/** The search keys of a register entry, derived from its name and licence number. */
export const registerKeys = (name: string, number: string) => ({
  nameWords: nameKey(name).split(' ').filter(Boolean),
  licenceNumberKey: licenceNumberKey(number),
});

/** Refuses an application, with reasons, and enters the refusal in the register. */
export async function refuseApplication(
  tx: Tx,
  councilId: string,
  licenceId: string,
  input: RefusalInput,
  by: Actor,
): Promise<RegisterEntry> {
  // The holder's lock first, so that a grant at the gate cannot come between the check and the refusal.
  if (!(await lockLicenceHolder(tx, councilId, licenceId))) throw notFound('licence');
  const licence = await licenceOf(tx, councilId, licenceId);
  if (!licence) throw notFound('licence');
  if (licence.status !== 'application')
    refuseIf([
      { field: 'form', message: `Licence ${licence.number} is ${licence.status}, not an application` },
    ]);
  if (input.refusedOn < licence.startOn)
    refuseIf([
      {
        field: 'refusedOn',
        message: `The refusal cannot be before the application on ${longDate(licence.startOn)}`,
      },
    ]);
  const found = (await holderOf(tx, councilId, licence.holderId)) as NonNullable<
    Awaited<ReturnType<typeof holderOf>>
  >;
  await updateRecord(
    tx,
    licenceEntity,
    licenceId,
    { status: 'refused', statusFrom: input.refusedOn },
    by,
    'refuse',
  );
  return addRegisterEntry(
    tx,
    licence,
    found.holder,
    {
      action: 'refused',
      decidedOn: input.refusedOn,
      effectiveOn: input.refusedOn,
      reasons: input.reasons,
      reviewDecisionId: null,
    },
    by,
  );
}

/** Opens a fit-and-proper review of a holder, on information, with a risk rating. */
export async function openCase(tx: Tx, councilId: string, input: CaseInput, by: Actor): Promise<ReviewCase> {
  const found = await holderOf(tx, councilId, input.holderId);
  if (!found) refuseIf([{ field: 'holderId', message: 'Select a licence holder of this council' }]);
  if (input.licenceId && !found?.licences.some((l) => l.id === input.licenceId))
    refuseIf([{ field: 'licenceId', message: 'Select one of this holder’s licences' }]);
  const [fn] = await tx
    .select()
    .from(councilFunctions)
    .where(and(eq(councilFunctions.councilId, councilId), eq(councilFunctions.id, input.functionId)));
  if (!fn || fn.service !== 'licensing')
    refuseIf([{ field: 'functionId', message: 'Select a licensing function of the council’s register' }]);
  const [taken] = await tx
    .select({ id: reviewCaseEntity.id })
    .from(reviewCaseEntity.table)
    .where(
      and(
        eq(reviewCaseEntity.table.councilId, councilId),
        eq(reviewCaseEntity.table.reference, input.reference),
      ),
    );
  if (taken)
    refuseIf([{ field: 'reference', message: `The reference ${input.reference} is already in use` }]);
  if (input.investigationStartedOn && input.investigationStartedOn < input.openedOn)
    refuseIf([
      {
        field: 'investigationStartedOn',
        message: 'The investigation cannot start before the case was opened',
      },
    ]);
  await lockHolder(tx, input.holderId);
  return insertRecord(
    tx,
    reviewCaseEntity,
    { id: randomUUID(), councilId, ...input, closedOn: null, closedReason: null },
    by,
  );
}

/** The case, locked for the change; refuses an unknown one. */
async function caseForChange(tx: Tx, councilId: string, caseId: string) {
  const found = await caseOf(tx, councilId, caseId);
  if (!found) throw notFound('review case');
  await lockHolder(tx, found.record.holderId);
  return found;
}

/** Records the day the investigation of a case started. */
export async function startInvestigation(tx: Tx, councilId: string, caseId: string, on: string, by: Actor) {
  const found = await caseForChange(tx, councilId, caseId);
  if (found.decision || found.record.closedOn)
    refuseIf([{ field: 'case', message: 'This case is no longer open' }]);
  if (found.record.investigationStartedOn)
    refuseIf([{ field: 'startedOn', message: 'The investigation of this case has already started' }]);
  if (on < found.record.openedOn)
    refuseIf([
      {
        field: 'startedOn',
        message: `The investigation cannot start before ${longDate(found.record.openedOn)}`,
      },
    ]);
  return updateRecord(tx, reviewCaseEntity, caseId, { investigationStartedOn: on }, by, 'investigate');
}

/** Fixes a hearing of a case with the advisory councillors who sit on its panel. */
export async function scheduleHearing(
  tx: Tx,
  councilId: string,
  caseId: string,
  input: HearingInput,
  by: Actor,
): Promise<ReviewHearing> {
  const found = await caseForChange(tx, councilId, caseId);
  refuseIf(hearingProblems(found.facts, input));
  const councillors = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.kind, 'councillor')));
  const known = new Set(councillors.map((p) => p.id));
  if (input.panelPersonIds.some((id) => !known.has(id)))
    refuseIf([
      {
        field: 'panelPersonIds',
        message: 'The panel’s advisory members must be councillors of this council',
      },
    ]);
  const standingHearing = found.hearings.find((h) => h.adjournedOn === null && !found.decision);
  if (standingHearing)
    refuseIf([
      {
        field: 'hearingOn',
        message: `A hearing is already fixed for ${longDate(standingHearing.hearingOn)}: adjourn it before fixing another`,
      },
    ]);
  return insertRecord(
    tx,
    reviewHearingEntity,
    { id: randomUUID(), councilId, caseId, ...input, adjournedOn: null, adjournedReason: null },
    by,
  );
}

/** Adjourns the standing hearing of a case, with the reason; another can then be fixed. */
export async function adjournHearing(
  tx: Tx,
  councilId: string,
  caseId: string,
  input: { adjournedOn: string; reason: string },
  by: Actor,
) {
  const found = await caseForChange(tx, councilId, caseId);
  const hearing = found.hearings.find((h) => h.adjournedOn === null);
  if (!hearing || found.decision || found.facts.closedOtherwise)
    refuseIf([{ field: 'form', message: 'This case has no hearing standing to adjourn' }]);
  const h = hearing as ReviewHearing;
  if (input.adjournedOn < h.scheduledOn)
    refuseIf([
      {
        field: 'adjournedOn',
        message: `The hearing was fixed on ${longDate(h.scheduledOn)}; it cannot be adjourned before`,
      },
    ]);
  return updateRecord(
    tx,
    reviewHearingEntity,
    h.id,
    { adjournedOn: input.adjournedOn, adjournedReason: input.reason },
    { ...by, reason: input.reason },
    'adjourn',
  );
}

/** Closes a case without a hearing, with the reason: it stays accounted for. */
export async function closeCase(tx: Tx, councilId: string, caseId: string, input: CloseInput, by: Actor) {
  const found = await caseForChange(tx, councilId, caseId);
  refuseIf(closeProblems(found.facts, input.closedOn, input.reason));
  return updateRecord(
    tx,
    reviewCaseEntity,
    caseId,
    { closedOn: input.closedOn, closedReason: input.reason },
    { ...by, reason: input.reason },
    'close',
  );
}

const REGISTERED: Partial<Record<ReviewOutcome, RegisterAction>> = {
  revoke: 'revoked',
  suspend: 'suspended',
};

/**
 * Records the panel's decision on a case. It is recorded first as a decision of
 * the Powers register, under the case's licensing function, so that the Powers
 * rule decides who may take it (whoever holds the function that day) and the
 * decision counts towards the function's readiness. A revocation or suspension
 * changes the licence from its effective date and enters the register.
 */
export async function decideCase(
  tx: Tx,
  councilId: string,
  caseId: string,
  input: DecisionInput,
  by: Actor,
): Promise<ReviewDecision> {
  const found = await caseForChange(tx, councilId, caseId);
  const candidate = { ...input, caseId };
  refuseIf(reviewDecisionProblems(candidate, found.facts));
  const reference = found.record.reference;
  const proposal =
    input.proposedOutcome === null
      ? null
      : `The advisory councillors proposed: ${OUTCOME_NAMES[input.proposedOutcome]}.`;
  const powersDecision = await recordDecision(
    tx,
    councilId,
    input.decidedByPersonId,
    {
      functionId: found.record.functionId,
      decidedOn: input.decidedOn,
      title: `Fit-and-proper review ${reference}: ${OUTCOME_NAMES[input.outcome]}`,
      meeting: `Licensing hearing of ${longDate((found.hearings.find((h) => h.id === input.hearingId) as ReviewHearing).hearingOn)}`,
      meetingPublic: false,
      report: `Fit-and-proper review case ${reference}`,
      proposedById: input.proposedByPersonId,
      proposal,
      outcome:
        input.proposedOutcome === null || input.proposedOutcome !== input.outcome
          ? 'different'
          : 'as_proposed',
      reasons: input.reasons,
    },
    by,
  );
  const decision = await insertRecord(
    tx,
    reviewDecisionEntity,
    { id: randomUUID(), councilId, caseId, ...input, powersDecisionId: powersDecision.id },
    by,
  );
  const action = REGISTERED[input.outcome];
  const licence = found.record.licenceId ? await licenceOf(tx, councilId, found.record.licenceId) : undefined;
  if (action && licence) {
    await updateRecord(
      tx,
      licenceEntity,
      licence.id,
      { status: action === 'revoked' ? 'revoked' : 'suspended', statusFrom: input.effectiveOn },
      by,
      input.outcome,
    );
    const holder = (await holderOf(tx, councilId, licence.holderId))?.holder as LicenceHolder;
    await addRegisterEntry(
      tx,
      licence,
      holder,
      {
        action,
        decidedOn: input.decidedOn,
        effectiveOn: input.effectiveOn,
        reasons: input.reasons,
        reviewDecisionId: decision.id,
      },
      by,
    );
  }
  return decision;
}

/** Records a vehicle compliance check of a licensed vehicle. */
export async function recordVehicleCheck(
  tx: Tx,
  councilId: string,
  input: VehicleCheckInput,
  today: string,
  by: Actor,
) {
  const found = await holderOf(tx, councilId, input.holderId);
  if (!found || found.holder.kind !== 'vehicle')
    refuseIf([{ field: 'holderId', message: 'Select a licensed vehicle of this council' }]);
  if (input.checkedOn > today)
    refuseIf([
      {
        field: 'checkedOn',
        message: `The date of the check must be today or in the past (today is ${longDate(today)})`,
      },
    ]);
  return insertRecord(tx, vehicleCheckEntity, { id: randomUUID(), councilId, ...input }, by);
}

/**
 * Searches the register and records the search: who made it (the ledger's
 * actor), when, what was asked and how many entries were found. A search with
 * no criteria is refused and nothing is recorded.
 */
export async function searchRegister(
  tx: Tx,
  councilId: string,
  criteria: RegisterCriteria,
  by: Actor,
): Promise<{ rows: RegisterEntry[]; total: number }> {
  refuseIf(registerCriteriaProblems(criteria));
  const result = await searchRegisterEntries(tx, councilId, criteria);
  await insertRecord(
    tx,
    registerSearchEntity,
    { id: randomUUID(), councilId, searchedAt: new Date(), ...criteria, found: result.total },
    by,
    'search',
  );
  return result;
}
