import {
  CRITERIA,
  type Criterion,
  RESTORATION_STEPS,
  type Representation,
  type Restoration,
  type RestorationFunction,
  type RestorationPause,
  type RestorationStep,
  type RestorationStepRecord,
} from '../schema.ts';
import { live } from './record-index.ts';

/*
 * Where a restoration proposal has got to, derived from the steps, pauses and
 * criteria recorded; never typed in.
 */

/** One restoration proposal and everything recorded about it. */
export interface RestorationState {
  restoration: Restoration;
  functions: RestorationFunction[];
  steps: RestorationStepRecord[];
  pauses: RestorationPause[];
  representations: Representation[];
  /** The register's names of functions, for messages; without it a function is named by whom it returns to. */
  functionNames?: ReadonlyMap<string, string>;
}

/** A function's four criteria, each assessed met or not met. */
export type CriteriaAssessment = Pick<
  RestorationFunction,
  'serviceMet' | 'leadershipMet' | 'assuranceMet' | 'councillorsMet'
>;

/** Where a proposal has got to, derived from its steps and pauses. */
export interface RestorationStatus {
  kind: 'open' | 'paused' | 'stopped' | 'effective' | 'withdrawn';
  /** The step to complete next; null once nothing more can be completed. */
  nextStep: RestorationStep | null;
  /** The steps completed and passed, in protocol order. */
  completed: RestorationStep[];
  /** The step that failed and stopped the proposal. */
  failedStep: RestorationStep | null;
  /** The day the functions returned. */
  effectiveOn: string | null;
  /** The day the unresolved pause was raised. */
  pausedSince: string | null;
}

/** The criteria a function does not meet, in the protocol's order. */
export function unmetCriteria(rf: CriteriaAssessment): Criterion[] {
  return CRITERIA.filter((c) => !rf[`${c}Met`]);
}

/** Whether a function meets all four criteria, and so may return to the council. */
export function criteriaMet(rf: CriteriaAssessment): boolean {
  return unmetCriteria(rf).length === 0;
}

/** Each step's record (the first, should there be two), leaving out withdrawn ones. */
export function stepRecords(state: RestorationState): Map<RestorationStep, RestorationStepRecord> {
  const done = new Map<RestorationStep, RestorationStepRecord>();
  for (const s of live(state.steps)) if (!done.has(s.step)) done.set(s.step, s);
  return done;
}

/** Where a proposal has got to: withdrawn, effective, stopped by a failed step, paused, or open. */
export function restorationStatus(state: RestorationState): RestorationStatus {
  const done = stepRecords(state);
  const failedStep = RESTORATION_STEPS.find((s) => done.get(s)?.outcome === 'failed') ?? null;
  const effective = done.get('effective');
  const effectiveOn = effective?.outcome === 'passed' ? effective.completedOn : null;
  const pausedSince = live(state.pauses).find((p) => p.resolvedOn === null)?.pausedOn ?? null;
  const kind = state.restoration.withdrawnAt
    ? 'withdrawn'
    : effectiveOn
      ? 'effective'
      : failedStep
        ? 'stopped'
        : pausedSince
          ? 'paused'
          : 'open';
  const next = RESTORATION_STEPS.find((s) => !done.has(s)) ?? null;
  return {
    kind,
    nextStep: kind === 'open' || kind === 'paused' ? next : null,
    completed: RESTORATION_STEPS.filter((s) => done.get(s)?.outcome === 'passed'),
    failedStep,
    effectiveOn,
    pausedSince,
  };
}
