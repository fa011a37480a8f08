import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { LICENCE_KIND_NAMES } from './labels.ts';
import { requiredChecks } from './requirements.ts';
import { type CheckPosition, checkPositions, standingAllowsGrant } from './standing.ts';
import type { CheckFacts, GateAction, LicenceFacts, LicenceStatus } from './types.ts';

/*
 * The gate (Statutory Standards, section 6 and paragraph 6.2; docs/licensing.md): a licence is
 * granted or renewed only when every check its kind requires is current on the
 * day, safeguarding training included. There is no override for anyone: the
 * rule has no parameter that could carry one, and the service records every
 * attempt it refuses.
 */

export { GATE_ACTIONS, type GateAction } from './types.ts';

/** A licence's status as it reads after "is". */
const STATUS_PHRASES: Record<LicenceStatus, string> = {
  application: 'an application',
  granted: 'granted',
  suspended: 'suspended',
  revoked: 'revoked',
  refused: 'refused',
  surrendered: 'surrendered',
  expired: 'expired',
};

/** The statuses a licence may be in for each action. */
const ALLOWED_FROM: Record<GateAction, readonly LicenceStatus[]> = {
  grant: ['application'],
  renew: ['granted', 'expired'],
};

/** What the gate answers: allowed, or refused with exactly what is missing and why. */
export interface GateDecision {
  allowed: boolean;
  /** Every required check on the day, in the order of CHECK_KINDS. */
  positions: CheckPosition[];
  /** The problems that refuse it: the checks missing, overdue or failed, and a licence in the wrong state. */
  problems: Problem[];
}

/** The licence as the gate sees it on the day: recorded status, and `expired` once its end has passed. */
export function statusOn(licence: Pick<LicenceFacts, 'status' | 'endOn'>, on: string): LicenceStatus {
  if (licence.status === 'granted' && licence.endOn !== null && licence.endOn < on) return 'expired';
  return licence.status;
}

/**
 * Whether `action` may be taken on `licence` on `on` for a holder with these
 * checks and date of birth. The licence's own state is checked too: only an
 * application is granted, and only a licence granted or expired is renewed.
 *
 * @example gateDecision('renew', licence, checks, null, '2015-11-27').problems[0].message
 *   // 'The DBS update service status check is overdue: the last was on …'
 */
export function gateDecision(
  action: GateAction,
  licence: Pick<LicenceFacts, 'kind' | 'status' | 'endOn' | 'number'>,
  checks: readonly CheckFacts[],
  dateOfBirth: string | null,
  on: string,
): GateDecision {
  const problems: Problem[] = [];
  const status = statusOn(licence, on);
  if (!ALLOWED_FROM[action].includes(status))
    problems.push({
      field: 'licence',
      message:
        action === 'grant'
          ? `Licence ${licence.number} is ${STATUS_PHRASES[status]}, not an application: only an application can be granted`
          : `Licence ${licence.number} is ${STATUS_PHRASES[status]} on ${longDate(on)}: only a licence granted or expired can be renewed`,
    });
  const positions = checkPositions(requiredChecks([licence.kind]), checks, dateOfBirth, on);
  for (const p of positions)
    if (!standingAllowsGrant(p.standing)) problems.push({ field: p.kind, message: p.message });
  return { allowed: problems.length === 0, positions, problems };
}

/** The sentence that heads a refusal: "The private hire driver licence PH-1 cannot be renewed on 27 November 2015". */
export function refusalHeading(
  action: GateAction,
  licence: Pick<LicenceFacts, 'kind' | 'number'>,
  on: string,
): string {
  const verb = action === 'grant' ? 'granted' : 'renewed';
  return `The ${LICENCE_KIND_NAMES[licence.kind]} ${licence.number} cannot be ${verb} on ${longDate(on)}`;
}
