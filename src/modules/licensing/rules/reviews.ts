import { addDays, longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import {
  type HearingFacts,
  REVIEW_OUTCOMES,
  type ReviewCaseFacts,
  type ReviewDecisionFacts,
  type ReviewOutcome,
  type ReviewStage,
} from './types.ts';

/*
 * Fit-and-proper reviews (Statutory Standards, paragraphs 5.4–5.14 and
 * Annex – Assessment of previous convictions): where a case stands on a date,
 * and a summary in which every identified case is accounted for — heard (by
 * outcome), scheduled for a hearing, or closed otherwise with a reason — each
 * figure with the ids of its cases. Stages are derived, never stored.
 */

/** Days after a decision in which the holder may appeal to a magistrates' court (1976 Act s.61(3), s.77). */
export const APPEAL_DAYS = 21;

/** The first day after the appeal window of a decision made on `decidedOn`: the earliest a revocation without immediate effect takes effect. */
export const firstDayAfterAppeal = (decidedOn: string): string => addDays(decidedOn, APPEAL_DAYS + 1);

/** The longest suspension a panel may set, in days. */
export const MAX_SUSPENSION_DAYS = 365;

/** The hearing standing on `on`: the latest fixed by then and not adjourned by then. */
export function standingHearing(hearings: readonly HearingFacts[], on: string): HearingFacts | null {
  let found: HearingFacts | null = null;
  for (const h of hearings) {
    if (h.scheduledOn > on || (h.adjournedOn !== null && h.adjournedOn <= on)) continue;
    if (
      !found ||
      h.scheduledOn > found.scheduledOn ||
      (h.scheduledOn === found.scheduledOn && h.id > found.id)
    )
      found = h;
  }
  return found;
}

/**
 * The stage of a case on `on`, or null before it was opened. Closed otherwise
 * is closed; a decision is `decided` on its day, in its `appeal_window` for the
 * 21 days after, and `closed` from then; otherwise a standing hearing makes it
 * `hearing_scheduled`, a started investigation `investigation`, and an opened
 * case `identified`.
 */
export function reviewStage(c: ReviewCaseFacts, on: string): ReviewStage | null {
  if (c.openedOn > on) return null;
  if (c.closedOtherwise && c.closedOtherwise.on <= on) return 'closed';
  if (c.decision && c.decision.decidedOn <= on) {
    if (c.decision.decidedOn === on) return 'decided';
    return on <= addDays(c.decision.decidedOn, APPEAL_DAYS) ? 'appeal_window' : 'closed';
  }
  if (standingHearing(c.hearings, on)) return 'hearing_scheduled';
  if (c.investigationStartedOn !== null && c.investigationStartedOn <= on) return 'investigation';
  return 'identified';
}

/** A count with the ids of the cases behind it. */
export interface CaseFigure {
  count: number;
  caseIds: string[];
}

export interface ReviewSummary {
  on: string;
  identified: CaseFigure;
  heard: CaseFigure;
  byOutcome: Record<ReviewOutcome, CaseFigure>;
  /** Revocations and suspensions with immediate effect, among those heard. */
  immediate: CaseFigure;
  scheduled: CaseFigure;
  /** The latest hearing date among the cases scheduled; null with none. */
  lastHearingOn: string | null;
  closedOtherwise: CaseFigure;
  /** Cases identified but not yet heard, scheduled or closed: still to be accounted for. */
  notYetAccounted: CaseFigure;
}

const caseFigure = (): CaseFigure => ({ count: 0, caseIds: [] });
const count = (f: CaseFigure, id: string) => {
  f.count += 1;
  f.caseIds.push(id);
};

/**
 * The summary of `cases` on `on`, every figure with its case ids in id order.
 * identified = heard + scheduled + closed otherwise + not yet accounted for.
 */
export function reviewSummary(cases: readonly ReviewCaseFacts[], on: string): ReviewSummary {
  const s: ReviewSummary = {
    on,
    identified: caseFigure(),
    heard: caseFigure(),
    byOutcome: Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o, caseFigure()])) as Record<
      ReviewOutcome,
      CaseFigure
    >,
    immediate: caseFigure(),
    scheduled: caseFigure(),
    lastHearingOn: null,
    closedOtherwise: caseFigure(),
    notYetAccounted: caseFigure(),
  };
  for (const c of [...cases].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const stage = reviewStage(c, on);
    if (stage === null) continue;
    count(s.identified, c.id);
    if (c.closedOtherwise && c.closedOtherwise.on <= on) count(s.closedOtherwise, c.id);
    else if (c.decision && c.decision.decidedOn <= on) {
      count(s.heard, c.id);
      count(s.byOutcome[c.decision.outcome], c.id);
      if (c.decision.immediate) count(s.immediate, c.id);
    } else if (stage === 'hearing_scheduled') {
      count(s.scheduled, c.id);
      const hearingOn = standingHearing(c.hearings, on)?.hearingOn ?? null;
      if (hearingOn && (s.lastHearingOn === null || hearingOn > s.lastHearingOn)) s.lastHearingOn = hearingOn;
    } else count(s.notYetAccounted, c.id);
  }
  return s;
}

/** The parts of a decision its rules read, before it has an id. */
export type DecisionCandidate = Omit<ReviewDecisionFacts, 'id'>;

const OUTCOME_VERBS: Record<ReviewOutcome, string> = {
  revoke: 'revoking the licence',
  suspend: 'suspending the licence',
  formal_warning: 'giving a formal warning',
  no_further_action: 'taking no further action',
};

function effectProblems(d: DecisionCandidate): Problem[] {
  const problems: Problem[] = [];
  const restrictive = d.outcome === 'revoke' || d.outcome === 'suspend';
  if (d.immediate && !restrictive)
    problems.push({
      field: 'immediate',
      message:
        'Only a revocation or a suspension can take immediate effect in the interests of public safety',
    });
  if (d.effectiveOn < d.decidedOn)
    problems.push({
      field: 'effectiveOn',
      message: 'The effective date must be the same as or after the decision',
    });
  else if (d.immediate && d.effectiveOn !== d.decidedOn)
    problems.push({
      field: 'effectiveOn',
      message: `A decision with immediate effect takes effect on the day it is made, ${longDate(d.decidedOn)}`,
    });
  else if (restrictive && !d.immediate && d.effectiveOn < firstDayAfterAppeal(d.decidedOn))
    problems.push({
      field: 'effectiveOn',
      message: `Without immediate effect a ${d.outcome === 'revoke' ? 'revocation' : 'suspension'} takes effect after the ${APPEAL_DAYS} days allowed for an appeal: on or after ${longDate(firstDayAfterAppeal(d.decidedOn))}`,
    });
  return problems;
}

/**
 * Why a panel decision cannot be recorded on a case; none when it can. Who may
 * decide is the Powers module's rule (the holder of the licensing function on
 * the day) and is checked there. Here: the case is open and its hearing
 * stands; a suspension has a period and nothing else does; every decision
 * gives its reasons; only a revocation or suspension may take immediate
 * effect, and otherwise takes effect after the appeal period; a proposal names
 * a councillor of the panel.
 */
export function reviewDecisionProblems(d: DecisionCandidate, c: ReviewCaseFacts): Problem[] {
  const problems: Problem[] = [];
  if (c.decision)
    problems.push({ field: 'case', message: `This case was decided on ${longDate(c.decision.decidedOn)}` });
  if (c.closedOtherwise)
    problems.push({ field: 'case', message: `This case was closed on ${longDate(c.closedOtherwise.on)}` });
  const hearing = c.hearings.find((h) => h.id === d.hearingId);
  if (!hearing) problems.push({ field: 'hearingId', message: 'Select a hearing of this case' });
  else if (hearing.adjournedOn !== null && hearing.adjournedOn <= d.decidedOn)
    problems.push({
      field: 'hearingId',
      message: `That hearing was adjourned on ${longDate(hearing.adjournedOn)}`,
    });
  else if (d.decidedOn < hearing.hearingOn)
    problems.push({
      field: 'decidedOn',
      message: `The decision cannot be before the hearing on ${longDate(hearing.hearingOn)}`,
    });
  if (d.outcome === 'suspend') {
    if (d.suspensionDays === null)
      problems.push({ field: 'suspensionDays', message: 'Enter the period of the suspension in days' });
    else if (
      !Number.isInteger(d.suspensionDays) ||
      d.suspensionDays < 1 ||
      d.suspensionDays > MAX_SUSPENSION_DAYS
    )
      problems.push({
        field: 'suspensionDays',
        message: `The period of the suspension must be a whole number of days from 1 to ${MAX_SUSPENSION_DAYS}`,
      });
  } else if (d.suspensionDays !== null)
    problems.push({ field: 'suspensionDays', message: 'Only a suspension has a period' });
  if (d.reasons.trim().length === 0)
    problems.push({ field: 'reasons', message: `Enter the reasons for ${OUTCOME_VERBS[d.outcome]}` });
  problems.push(...effectProblems(d));
  if ((d.proposedOutcome === null) !== (d.proposedByPersonId === null))
    problems.push({
      field: 'proposedByPersonId',
      message: 'Give both the councillors’ proposed decision and the councillor who proposed it, or neither',
    });
  else if (hearing && d.proposedByPersonId !== null && !hearing.panelPersonIds.includes(d.proposedByPersonId))
    problems.push({
      field: 'proposedByPersonId',
      message: 'The proposer must be one of the councillors sitting on the panel',
    });
  return problems;
}

/** Why a case cannot be closed otherwise on a day; none when it can. */
export function closeProblems(c: ReviewCaseFacts, on: string, reason: string): Problem[] {
  const problems: Problem[] = [];
  if (c.decision)
    problems.push({ field: 'case', message: 'A decided case closes when its appeal window ends' });
  if (c.closedOtherwise) problems.push({ field: 'case', message: 'This case is already closed' });
  const fixed = c.hearings.find((h) => h.adjournedOn === null);
  if (fixed && !c.decision)
    problems.push({
      field: 'case',
      message: `This case has a hearing fixed for ${longDate(fixed.hearingOn)}: adjourn it, with the reason, before closing the case without a hearing`,
    });
  if (on < c.openedOn)
    problems.push({
      field: 'closedOn',
      message: `The case cannot close before it was opened on ${longDate(c.openedOn)}`,
    });
  if (reason.trim().length === 0)
    problems.push({ field: 'reason', message: 'Enter why the case is closed without a hearing' });
  return problems;
}

/** Why a hearing cannot be fixed; none when it can. */
export function hearingProblems(
  c: ReviewCaseFacts,
  h: Pick<HearingFacts, 'scheduledOn' | 'hearingOn' | 'panelPersonIds'>,
): Problem[] {
  const problems: Problem[] = [];
  if (c.decision || c.closedOtherwise)
    problems.push({ field: 'case', message: 'This case is no longer open' });
  if (h.scheduledOn < c.openedOn)
    problems.push({
      field: 'scheduledOn',
      message: `A hearing cannot be fixed before the case was opened on ${longDate(c.openedOn)}`,
    });
  if (h.hearingOn < h.scheduledOn)
    problems.push({ field: 'hearingOn', message: 'The hearing must be on or after the day it is fixed' });
  if (h.panelPersonIds.length === 0)
    problems.push({
      field: 'panelPersonIds',
      message: 'Select at least one advisory councillor for the panel',
    });
  return problems;
}
