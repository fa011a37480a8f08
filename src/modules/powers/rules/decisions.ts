import type { Person } from '../../councils/schema.ts';
import type { DecisionOutcome } from '../schema.ts';
import { longDate } from './dates.ts';
import type { Holder, Holding } from './holders.ts';
import type { Problem } from './problem.ts';

/** The parts of a decision its rules read. */
export interface DecisionCandidate {
  functionId: string;
  decidedOn: string;
  decidedById: string;
  proposedById: string | null;
  proposal: string | null;
  outcome: DecisionOutcome;
  reasons: string;
}

const HOLDER_KINDS: Record<Holder['kind'], string> = {
  commissioner: 'Commissioner',
  commissioners: 'the Commissioners',
  cabinet: 'Cabinet',
  cabinet_member: 'Cabinet member',
  committee: 'Committee',
  full_council: 'Full Council',
  officer: 'Officer',
  constitution: 'under the council’s constitution',
};

const ON_A_PROPOSAL: Partial<Record<DecisionOutcome, string>> = {
  as_proposed: 'agreed as proposed',
  with_changes: 'agreed with changes',
};

/** Why the decider did not hold the function that day; null when they did. */
function holderProblem(
  decision: DecisionCandidate,
  holding: Holding,
  decider: Person,
  commissionersInOffice: string[],
): string | null {
  const { holder } = holding;
  const held = `On ${longDate(decision.decidedOn)} ‘${holding.function.name}’ was`;
  if (holder.personId !== null)
    return decision.decidedById === holder.personId
      ? null
      : `${held} held by ${holder.name} (${HOLDER_KINDS[holder.kind]}); ${decider.name} does not hold it`;
  if (holder.kind === 'commissioners' || holder.kind === 'commissioner')
    return commissionersInOffice.includes(decision.decidedById)
      ? null
      : `${held} with the Commissioners; ${decider.name} was not a Commissioner in office that day`;
  if (holding.mode === 'commissioners')
    return `${held} with the Commissioners, not with ${holder.name}; only a Commissioner in office that day can take it`;
  const needed = holder.kind === 'officer' ? 'officer' : 'councillor';
  return decider.kind === needed
    ? null
    : `${held} held by ${holder.name} (${HOLDER_KINDS[holder.kind]}); only ${needed === 'officer' ? 'an officer' : 'a councillor'} can take it for them, and ${decider.name} is not one`;
}

/**
 * Why a decision cannot be recorded; none when it can. A decision is taken only by
 * whoever holds the function on its date (`holding`, from `holdingsOn`): the named
 * person; any Commissioner in office that day when the Commissioners hold it as a
 * team; a councillor (or, for an officer's post, an officer) when a council body
 * holds it. A decision agreed on a proposal (a councillor's, or a report's
 * recommendation) says what was proposed,
 * and every decision gives its reasons.
 */
export function decisionProblems(
  decision: DecisionCandidate,
  holding: Holding,
  decider: Person | undefined,
  commissionersInOffice: string[],
): Problem[] {
  const problems: Problem[] = [];
  if (!decider)
    problems.push({
      field: 'decidedById',
      message: 'The person taking the decision must be one of this council’s people in a public role',
    });
  else {
    const problem = holderProblem(decision, holding, decider, commissionersInOffice);
    if (problem) problems.push({ field: 'functionId', message: problem });
  }
  const onAProposal = ON_A_PROPOSAL[decision.outcome];
  // A councillor's proposal names its proposer; a Cabinet member deciding on a
  // report's recommendation has a proposal (the recommendation) but no proposer.
  if (onAProposal && !decision.proposal?.trim())
    problems.push({
      field: 'proposal',
      message: `Enter what was proposed: a decision ${onAProposal} needs the proposal it agreed`,
    });
  if (!decision.reasons.trim())
    problems.push({ field: 'reasons', message: 'Enter the reasons for the decision' });
  return problems;
}
