import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import {
  decisionEntity,
  directionEntity,
  provisionEntity,
  representationEntity,
  restorationEntity,
  restorationFunctionEntity,
  restorationPauseEntity,
  restorationStepEntity,
} from '#src/db/ledgered.ts';
import { type Actor, insertRecord, updateRecord } from '#src/ledger/records.ts';
import { type Person, people } from '#src/modules/councils/schema.ts';
import { type CouncilPowers, readCouncilPowers } from './record.ts';
import { decisionProblems } from './rules/decisions.ts';
import { directionProblems } from './rules/directions.ts';
import { holdingsOn } from './rules/holders.ts';
import { type Problem, RuleError } from './rules/problem.ts';
import { addFunctionProblems, pauseProblems, type RestorationState, stepProblems } from './rules/protocol.ts';
import type { Decision, Direction, RestorationStepRecord } from './schema.ts';
import type {
  DecisionInput,
  DirectionInput,
  PauseInput,
  RepresentationInput,
  RestorationFunctionInput,
  RestorationInput,
  StepInput,
} from './validation.ts';

/** A change the Powers rules refuse, with the problems a person reads. Nothing was written. */
export class PowersRuleError extends RuleError {
  constructor(problems: Problem[]) {
    super(problems);
  }
}

function refuseIf(problems: Problem[]): void {
  if (problems.length) throw new PowersRuleError(problems);
}

/**
 * Serialises changes to one council's Powers records for the rest of the
 * transaction, so that the rules are checked against the record the change lands on.
 */
async function lockCouncilPowers(tx: Tx, councilId: string): Promise<CouncilPowers> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`powers:${councilId}`}))`);
  return readCouncilPowers(tx, councilId);
}

/** The state of one restoration within a council's records; refuses an unknown id. */
export function restorationState(powers: CouncilPowers, restorationId: string): RestorationState {
  const restoration = powers.restorations.find((r) => r.id === restorationId);
  if (!restoration)
    throw new PowersRuleError([{ field: 'restoration', message: 'There is no such restoration proposal.' }]);
  return {
    restoration,
    functions: powers.restorationFunctions.filter((f) => f.restorationId === restorationId),
    steps: powers.restorationSteps.filter((s) => s.restorationId === restorationId),
    pauses: powers.restorationPauses.filter((p) => p.restorationId === restorationId),
    representations: powers.representations.filter((r) => r.restorationId === restorationId),
    functionNames: new Map(powers.functions.map((f) => [f.id, f.name])),
  };
}

/** Records a Direction and what it provides for each function, refusing one that overlaps another. */
export async function recordDirection(
  tx: Tx,
  councilId: string,
  input: DirectionInput,
  by: Actor,
): Promise<Direction> {
  const powers = await lockCouncilPowers(tx, councilId);
  const { provisions, ...fields } = input;
  const direction = { id: randomUUID(), councilId, ...fields, withdrawnAt: null, withdrawnReason: null };
  refuseIf(directionProblems({ direction, functionIds: provisions.map((p) => p.functionId) }, powers));
  const row = await insertRecord(tx, directionEntity, direction, by);
  for (const p of provisions)
    await insertRecord(
      tx,
      provisionEntity,
      { id: randomUUID(), councilId, directionId: row.id, functionId: p.functionId, mode: p.mode },
      by,
    );
  return row;
}

/** Opens a restoration proposal. */
export function openRestoration(tx: Tx, councilId: string, input: RestorationInput, by: Actor) {
  return insertRecord(tx, restorationEntity, { id: randomUUID(), councilId, ...input }, by);
}

/** Adds a function to a proposal with its four criteria assessed. */
export async function addRestorationFunction(
  tx: Tx,
  councilId: string,
  restorationId: string,
  input: RestorationFunctionInput,
  by: Actor,
) {
  const powers = await lockCouncilPowers(tx, councilId);
  const state = restorationState(powers, restorationId);
  if (!powers.functions.some((f) => f.id === input.functionId))
    refuseIf([{ field: 'functionId', message: 'Select a function in the council’s register.' }]);
  refuseIf(addFunctionProblems(state, input));
  return insertRecord(
    tx,
    restorationFunctionEntity,
    { id: randomUUID(), councilId, restorationId, ...input },
    by,
  );
}

/** Completes the next step of the protocol, refusing a step out of order or one its rules block. */
export async function completeStep(
  tx: Tx,
  councilId: string,
  restorationId: string,
  input: StepInput,
  by: Actor,
): Promise<RestorationStepRecord> {
  const powers = await lockCouncilPowers(tx, councilId);
  const state = restorationState(powers, restorationId);
  refuseIf(stepProblems(state, input.step, input.completedOn, input.outcome));
  return insertRecord(
    tx,
    restorationStepEntity,
    { id: randomUUID(), councilId, restorationId, ...input },
    by,
  );
}

/** Pauses a proposal before its effective date because of a representation or a conduct matter. */
export async function pauseRestoration(
  tx: Tx,
  councilId: string,
  restorationId: string,
  input: PauseInput,
  by: Actor,
) {
  const powers = await lockCouncilPowers(tx, councilId);
  refuseIf(pauseProblems(restorationState(powers, restorationId), input.pausedOn));
  return insertRecord(
    tx,
    restorationPauseEntity,
    { id: randomUUID(), councilId, restorationId, ...input },
    by,
  );
}

/** Records how a pause was resolved; the pause and its resolution both stay in the record. */
export async function resolvePause(
  tx: Tx,
  councilId: string,
  pauseId: string,
  input: { resolvedOn: string; resolution: string },
  by: Actor,
) {
  const powers = await lockCouncilPowers(tx, councilId);
  const pause = powers.restorationPauses.find((p) => p.id === pauseId);
  if (!pause) throw new PowersRuleError([{ field: 'pause', message: 'There is no such pause.' }]);
  if (pause.resolvedOn) refuseIf([{ field: 'resolvedOn', message: 'This pause has already been resolved.' }]);
  if (input.resolvedOn < pause.pausedOn)
    refuseIf([
      {
        field: 'resolvedOn',
        message: 'The date it was resolved must be the same as or after the date of the pause.',
      },
    ]);
  return updateRecord(
    tx,
    restorationPauseEntity,
    pauseId,
    input,
    { ...by, reason: input.resolution },
    'resolve',
  );
}

/** Records a representation received on the public notice, with the Commissioners' response. */
export async function addRepresentation(
  tx: Tx,
  councilId: string,
  restorationId: string,
  input: RepresentationInput,
  by: Actor,
) {
  const powers = await lockCouncilPowers(tx, councilId);
  const state = restorationState(powers, restorationId);
  if (state.steps.some((s) => s.step === 'public_notice'))
    refuseIf([
      {
        field: 'receivedOn',
        message: 'The public notice step is complete: representations can no longer be added to it.',
      },
    ]);
  return insertRecord(tx, representationEntity, { id: randomUUID(), councilId, restorationId, ...input }, by);
}

/** Records the Commissioners' response to a representation that has none yet. */
export async function respondToRepresentation(
  tx: Tx,
  councilId: string,
  representationId: string,
  response: string,
  by: Actor,
) {
  const powers = await lockCouncilPowers(tx, councilId);
  const representation = powers.representations.find((r) => r.id === representationId);
  if (!representation)
    throw new PowersRuleError([{ field: 'response', message: 'There is no such representation.' }]);
  if (representation.response)
    refuseIf([{ field: 'response', message: 'This representation has already been answered.' }]);
  return updateRecord(tx, representationEntity, representationId, { response }, by, 'respond');
}

/** The people of a council by id. */
async function personById(tx: Tx, councilId: string, id: string): Promise<Person | undefined> {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.id, id)));
  return row;
}

/** The ids of the Commissioners in office at a council on a date. */
export function commissionersInOffice(powers: CouncilPowers, date: string): string[] {
  return powers.appointments
    .filter((a) => a.personId && a.fromDate <= date && (a.toDate === null || a.toDate >= date))
    .map((a) => a.personId as string);
}

/**
 * Records an executive decision taken by `deciderId`, refusing it unless that
 * person holds the function on the date of the decision.
 */
export async function recordDecision(
  tx: Tx,
  councilId: string,
  deciderId: string,
  input: DecisionInput,
  by: Actor,
): Promise<Decision> {
  const powers = await lockCouncilPowers(tx, councilId);
  const holding = holdingsOn(powers, input.decidedOn).find((h) => h.function.id === input.functionId);
  if (!holding)
    throw new PowersRuleError([
      { field: 'functionId', message: 'Select a function in the council’s register.' },
    ]);
  const decider = await personById(tx, councilId, deciderId);
  if (input.proposedById && !(await personById(tx, councilId, input.proposedById)))
    refuseIf([{ field: 'proposedById', message: 'Select a councillor of this council as the proposer.' }]);
  const decision = { ...input, decidedById: deciderId };
  refuseIf(decisionProblems(decision, holding, decider, commissionersInOffice(powers, input.decidedOn)));
  return insertRecord(tx, decisionEntity, { id: randomUUID(), councilId, ...decision }, by);
}
