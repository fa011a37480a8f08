import { RESTORATION_STEPS, type RestorationFunction, type RestorationStep } from '../schema.ts';
import { longDate } from './dates.ts';
import type { Problem } from './problem.ts';
import { criterionLabel, stepLabel } from './protocol-labels.ts';
import { live } from './record-index.ts';
import {
  type CriteriaAssessment,
  criteriaMet,
  type RestorationState,
  type RestorationStatus,
  restorationStatus,
  stepRecords,
  unmetCriteria,
} from './restoration-status.ts';

/*
 * The rules of the restoration protocol (seed 001, Appendix A): what may be
 * recorded next, and why not, in words a person reads.
 */

export { CRITERION_LABELS, criterionLabel, STEP_LABELS, stepLabel } from './protocol-labels.ts';
export {
  type CriteriaAssessment,
  criteriaMet,
  type RestorationState,
  type RestorationStatus,
  restorationStatus,
  unmetCriteria,
} from './restoration-status.ts';

/** Why nothing more can be done to a proposal that is withdrawn, stopped or effective; null while it goes on. */
function closed(state: RestorationState, status: RestorationStatus, what: string): Problem | null {
  const failed = status.failedStep && stepRecords(state).get(status.failedStep);
  if (status.kind === 'withdrawn')
    return { field: 'step', message: `This proposal has been withdrawn: ${what}` };
  if (status.kind === 'effective' && status.effectiveOn)
    return { field: 'step', message: `The proposal took effect on ${longDate(status.effectiveOn)}: ${what}` };
  if (status.failedStep && failed)
    return {
      field: 'step',
      message: `The proposal stopped when ‘${stepLabel(status.failedStep, 'short')}’ failed on ${longDate(failed.completedOn)}: ${what}`,
    };
  return null;
}

const quoted = (list: string[]) => list.map((x) => `‘${x}’`).join(' and ');

function functionName(state: RestorationState, rf: RestorationFunction): string {
  const name = state.functionNames?.get(rf.functionId);
  return name ? `‘${name}’` : `The function returning to ${rf.returnsToName}`;
}

/** The problems with the functions of a proposal when a step is completed as passed. */
function functionProblems(state: RestorationState, step: RestorationStep): Problem[] {
  const functions = live(state.functions);
  const label = stepLabel(step, 'short');
  if (functions.length === 0)
    return [
      { field: 'step', message: `Add at least one function to the proposal before completing ‘${label}’` },
    ];
  return functions
    .filter((rf) => !criteriaMet(rf))
    .map((rf) => {
      const unmet = quoted(unmetCriteria(rf).map(criterionLabel));
      const verb = unmetCriteria(rf).length === 1 ? 'is' : 'are';
      return {
        field: 'step',
        message:
          step === 'criteria'
            ? `${functionName(state, rf)} does not meet the criteria: ${unmet} ${verb} not met. Every function in the proposal must meet all four`
            : `${functionName(state, rf)} cannot remain in the proposal: ${unmet} ${verb} not met. Withdraw it from the proposal before completing ‘${label}’`,
      };
    });
}

/**
 * Why a step of the protocol cannot be recorded as completed on a date with an
 * outcome; none when it can. Steps are completed once each, in order, each after
 * the one before and never while the proposal is paused; a failed step stops the
 * proposal. Example: `stepProblems(state, 'lay_panel', '2015-12-10', 'passed')`.
 */
export function stepProblems(
  state: RestorationState,
  step: RestorationStep,
  completedOn: string,
  outcome: 'passed' | 'failed',
): Problem[] {
  const status = restorationStatus(state);
  const done = stepRecords(state);
  const label = stepLabel(step, 'short');
  const stop = closed(state, status, 'no further step can be completed');
  if (stop) return [stop];
  const already = done.get(step);
  if (already)
    return [
      {
        field: 'step',
        message: `‘${label}’ was completed on ${longDate(already.completedOn)}: each step is completed once`,
      },
    ];
  const problems: Problem[] = [];
  const earlier = RESTORATION_STEPS.slice(0, RESTORATION_STEPS.indexOf(step));
  const missing = earlier.find((s) => !done.has(s));
  if (missing)
    problems.push({ field: 'step', message: `Complete ‘${stepLabel(missing, 'short')}’ before ‘${label}’` });
  if (status.pausedSince)
    problems.push({
      field: 'step',
      message: `The proposal has been paused since ${longDate(status.pausedSince)}: resolve the pause before completing a step`,
    });
  const { openedOn, proposedEffectiveDate } = state.restoration;
  if (completedOn < openedOn)
    problems.push({
      field: 'completedOn',
      message: `The date the step was completed must be the same as or after the date the proposal was opened (${longDate(openedOn)})`,
    });
  const previous = earlier
    .flatMap((s) => done.get(s) ?? [])
    .sort((a, b) => b.completedOn.localeCompare(a.completedOn))[0];
  if (previous && completedOn < previous.completedOn)
    problems.push({
      field: 'completedOn',
      message: `The date the step was completed must be the same as or after the date ‘${stepLabel(previous.step, 'short')}’ was completed (${longDate(previous.completedOn)})`,
    });
  if (outcome === 'passed') problems.push(...functionProblems(state, step));
  if (step === 'public_notice')
    for (const r of live(state.representations).filter((r) => !r.response?.trim()))
      problems.push({
        field: 'step',
        message: `Record the Commissioners’ response to the representation from ${r.fromWhom} received on ${longDate(r.receivedOn)} before completing ‘${label}’`,
      });
  if (step === 'effective') {
    if (outcome === 'failed')
      problems.push({
        field: 'outcome',
        message: `‘${label}’ can only be recorded as passed: a proposal that is not to take effect is withdrawn, with the reason`,
      });
    if (completedOn < proposedEffectiveDate)
      problems.push({
        field: 'completedOn',
        message: `The effective date must be the same as or after the proposed effective date (${longDate(proposedEffectiveDate)})`,
      });
    for (const p of live(state.pauses))
      if (p.resolvedOn !== null && completedOn <= p.resolvedOn)
        problems.push({
          field: 'completedOn',
          message: `The effective date must be after the pause raised on ${longDate(p.pausedOn)} was resolved (${longDate(p.resolvedOn)})`,
        });
  }
  return problems;
}

/**
 * Why a proposal cannot be paused on a date; none when it can. A pause is raised
 * while the proposal is open, on or before its proposed effective date, and not
 * while another pause is unresolved.
 */
export function pauseProblems(state: RestorationState, pausedOn: string): Problem[] {
  const status = restorationStatus(state);
  const stop = closed(state, status, 'it can no longer be paused');
  if (stop) return [{ ...stop, field: 'pausedOn' }];
  const problems: Problem[] = [];
  if (status.pausedSince)
    problems.push({
      field: 'pausedOn',
      message: `The proposal has been paused since ${longDate(status.pausedSince)}: resolve that pause before raising another`,
    });
  const { openedOn, proposedEffectiveDate } = state.restoration;
  const after = (what: string, date: string) => {
    if (pausedOn < date)
      problems.push({
        field: 'pausedOn',
        message: `The date of the pause must be the same as or after the date ${what} (${longDate(date)})`,
      });
  };
  if (pausedOn > proposedEffectiveDate)
    problems.push({
      field: 'pausedOn',
      message: `The date of the pause must be the same as or before the proposed effective date (${longDate(proposedEffectiveDate)})`,
    });
  after('the proposal was opened', openedOn);
  const lastStep = live(state.steps).sort((a, b) => b.completedOn.localeCompare(a.completedOn))[0];
  if (lastStep) after(`‘${stepLabel(lastStep.step, 'short')}’ was completed`, lastStep.completedOn);
  const lastResolved = live(state.pauses)
    .flatMap((p) => p.resolvedOn ?? [])
    .sort()
    .at(-1);
  if (lastResolved) after('the last pause was resolved', lastResolved);
  return problems;
}

/**
 * Why a function cannot be added to a proposal; none when it can. A function is
 * in a proposal once; once the criteria have been assessed, only a function that
 * meets all four can join; nothing joins a proposal that is withdrawn, stopped or
 * effective.
 */
export function addFunctionProblems(
  state: RestorationState,
  rf: CriteriaAssessment & Pick<RestorationFunction, 'functionId'>,
): Problem[] {
  const stop = closed(state, restorationStatus(state), 'functions can no longer be added');
  if (stop) return [{ ...stop, field: 'functionId' }];
  const name = state.functionNames?.get(rf.functionId);
  if (live(state.functions).some((f) => f.functionId === rf.functionId))
    return [
      { field: 'functionId', message: `${name ? `‘${name}’` : 'That function'} is already in this proposal` },
    ];
  const done = stepRecords(state);
  // What the Secretary of State was asked to agree is what the proposal returns.
  const proposed = done.get('proposal');
  if (proposed)
    return [
      {
        field: 'functionId',
        message: `The proposal went to the Secretary of State on ${longDate(proposed.completedOn)}: functions can no longer be added to it; open a new proposal`,
      },
    ];
  const assessed = done.get('criteria');
  if (!assessed) return [];
  return unmetCriteria(rf).map((c) => ({
    field: `${c}Met`,
    message: `‘${criterionLabel(c)}’ is not met: since the criteria were assessed on ${longDate(assessed.completedOn)}, only a function that meets all four criteria can be added`,
  }));
}
