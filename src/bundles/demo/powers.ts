/*
 * The demo council's Powers records, built from the seed documents: the
 * functions register, the Directions of February 2015, February 2016 and
 * September 2017, the Commissioner Team and who exercised what, the restorations
 * of February 2016 (seed 001), 2017 (licensing, illustrative) and March 2018
 * (Children's Services, seed 004), and the decisions taken along the way.
 * Whatever the seeds do not give is marked illustrative where it is recorded.
 */
import type { Allocation } from '#src/modules/powers/schema.ts';
import { stableId } from './ids.ts';
import { commissionerAllocations, commissionerAppointments } from './powers-commissioners.ts';
import { decisionsOf } from './powers-decisions.ts';
import { directionsOf } from './powers-directions.ts';
import { FUNCTIONS, type FunctionSpec } from './powers-functions.ts';
import {
  DATES,
  type KnownPerson,
  NOT_WITHDRAWN,
  type PersonToAdd,
  type PowersSection,
  type Row,
  SEED,
} from './powers-model.ts';
import { castOf, PORTFOLIOS, POWERS_PEOPLE } from './powers-people.ts';
import { restorationsOf } from './powers-restorations.ts';

export type { KnownPerson, PersonToAdd, PowersSection } from './powers-model.ts';

/** The id of a function of the demo register, by its code. */
export const functionId = (code: string) => stableId(`function:${code}`);

/**
 * The executive functions the September 2017 Directions returned, allocated to
 * the Cabinet Member for their portfolio. Illustrative: the seeds do not say who
 * took them; without an allocation each would sit with the Cabinet as a body.
 */
function returnedIn2017(
  f: { spec: FunctionSpec; id: string },
  members: Record<string, string>,
): Row<Allocation>[] {
  if (f.spec.track !== 'returned2017' || !f.spec.portfolio) return [];
  return [
    {
      id: stableId(`allocation:${f.spec.code}:${DATES.directions2017}`),
      functionId: f.id,
      holderKind: 'cabinet_member',
      personId: members[f.spec.portfolio] ?? null,
      holderName: `Cabinet Member for ${PORTFOLIOS[f.spec.portfolio]}`,
      fromDate: DATES.directions2017,
      toDate: null,
      restorationId: null,
      reason: `Returned to the Council by the Directions of September 2017 (${SEED.exit}). Illustrative: the Leader allocated it to the Cabinet Member for the portfolio.`,
      ...NOT_WITHDRAWN,
    },
  ];
}

/**
 * The demo's Powers section, and the people it names that `people` (the
 * bundle's people so far) does not already hold. Deterministic: the same
 * people give the same records, with the same ids.
 *
 * @example
 *   const { people: extra, powers } = buildPowers(people);
 *   const bundle = { ...rest, people: [...people, ...extra], powers };
 */
export function buildPowers(people: KnownPerson[]): { people: PersonToAdd[]; powers: PowersSection } {
  const extra = POWERS_PEOPLE.filter((p) => !people.some((q) => q.id === p.id));
  const cast = castOf([...people, ...extra]);
  const registered = FUNCTIONS.map((spec) => ({ spec, id: functionId(spec.code) }));

  const { directions, provisions } = directionsOf(registered);
  const restored = restorationsOf(registered, cast);
  const allocations = [
    ...registered.flatMap((f) => commissionerAllocations(f.spec, f.id, cast)),
    ...restored.allocations,
    ...registered.flatMap((f) => returnedIn2017(f, cast.members)),
  ];
  return {
    people: extra,
    powers: {
      functions: registered.map(({ spec, id }) => ({
        id,
        code: spec.code,
        name: spec.name,
        service: spec.service,
        portfolio: spec.portfolio ? PORTFOLIOS[spec.portfolio] : null,
        councilHolder: spec.councilHolder,
        ...NOT_WITHDRAWN,
      })),
      directions,
      provisions,
      commissionerAppointments: commissionerAppointments(cast),
      allocations,
      restorations: restored.restorations,
      restorationFunctions: restored.restorationFunctions,
      restorationSteps: restored.restorationSteps,
      restorationPauses: restored.restorationPauses,
      representations: restored.representations,
      decisions: decisionsOf(registered, allocations, cast),
    },
  };
}
