import type { Person } from '#src/modules/councils/schema.ts';
import type { CouncilPowers } from '#src/modules/powers/record.ts';
import { decisionProblems } from '#src/modules/powers/rules/decisions.ts';
import { directionProblems } from '#src/modules/powers/rules/directions.ts';
import { type Holding, holdingsOn } from '#src/modules/powers/rules/holders.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { type RestorationState, stepProblems } from '#src/modules/powers/rules/protocol.ts';
import { RESTORATION_STEPS, type Restoration } from '#src/modules/powers/schema.ts';
import { commissionersInOffice } from '#src/modules/powers/service.ts';
import type { BundleProblem } from './problems.ts';
import type { Bundle } from './schema.ts';

/*
 * The rules the Powers module's services apply to each change, applied to a
 * bundle's records as a whole. Withdrawn records count for nothing, as in the
 * module, and are not checked.
 */

const P = '$.powers';

/** The records of a list that have not been withdrawn, each with its index in the list. */
const standing = <T extends { withdrawnAt: string | null }>(items: readonly T[]) =>
  items.flatMap((item, i) => (item.withdrawnAt === null ? [{ item, i }] : []));

/** The records of a list that have not been withdrawn, as the council's rows. */
const rowsOf = <T extends { withdrawnAt: string | null }>(items: readonly T[], councilId: string) =>
  standing(items).map(({ item }) => ({ ...item, councilId, withdrawnAt: null }));

/** A rule's problem named at a record's field; `renamed` maps a form field to the bundle's. */
const at =
  (record: string, renamed: Record<string, string> = {}) =>
  (p: Problem): BundleProblem => ({ path: `${record}.${renamed[p.field] ?? p.field}`, message: p.message });

/** The bundle's Powers records as the module reads a council's: its rows that have not been withdrawn. */
function councilPowersOf(bundle: Bundle): CouncilPowers {
  const { powers } = bundle;
  const id = bundle.council.id;
  return {
    functions: rowsOf(powers.functions, id),
    directions: rowsOf(powers.directions, id),
    provisions: rowsOf(powers.provisions, id),
    allocations: rowsOf(powers.allocations, id),
    restorations: rowsOf(powers.restorations, id),
    restorationFunctions: rowsOf(powers.restorationFunctions, id),
    restorationSteps: rowsOf(powers.restorationSteps, id),
    appointments: rowsOf(powers.commissionerAppointments, id),
    restorationPauses: rowsOf(powers.restorationPauses, id),
    representations: rowsOf(powers.representations, id),
  };
}

/**
 * Each Direction against the others: its dates, what it supersedes, and no function
 * provided for by two Directions on one day. A clash is named at the provision.
 */
function directionRuleProblems(bundle: Bundle, record: CouncilPowers): BundleProblem[] {
  const provisions = standing(bundle.powers.provisions);
  return record.directions.flatMap((direction) => {
    const i = bundle.powers.directions.findIndex((d) => d.id === direction.id);
    const own = provisions.filter(({ item }) => item.directionId === direction.id);
    const whole = directionProblems(
      { direction, functionIds: own.map(({ item }) => item.functionId) },
      record,
    ).flatMap((p) =>
      p.field !== 'functionIds'
        ? [at(`${P}.directions[${i}]`)(p)]
        : own.length === 0
          ? [{ path: `${P}.directions[${i}]`, message: p.message }]
          : [],
    );
    const clashes = own.flatMap(({ item, i: k }) =>
      directionProblems({ direction, functionIds: [item.functionId] }, record)
        .filter((p) => p.field === 'functionIds')
        .map((p) => ({ path: `${P}.provisions[${k}].functionId`, message: p.message })),
    );
    return [...whole, ...clashes];
  });
}

/** The restoration's state on a day: pauses raised before it, unresolved if they were resolved later. */
function stateOn(
  record: CouncilPowers,
  restoration: Restoration,
  day: string,
): Omit<RestorationState, 'steps'> {
  const of = <T extends { restorationId: string }>(rows: T[]) =>
    rows.filter((r) => r.restorationId === restoration.id);
  return {
    restoration,
    functions: of(record.restorationFunctions),
    pauses: of(record.restorationPauses)
      .filter((p) => p.pausedOn < day)
      .map((p) =>
        p.resolvedOn !== null && p.resolvedOn <= day ? p : { ...p, resolvedOn: null, resolution: null },
      ),
    representations: of(record.representations).filter((r) => r.receivedOn <= day),
    functionNames: new Map(record.functions.map((f) => [f.id, f.name])),
  };
}

/** Each restoration's steps replayed in the protocol's order, each checked as it was when completed. */
function stepRuleProblems(bundle: Bundle, record: CouncilPowers): BundleProblem[] {
  const rows = new Map(record.restorationSteps.map((s) => [s.id, s]));
  const order = (s: { step: (typeof RESTORATION_STEPS)[number] }) => RESTORATION_STEPS.indexOf(s.step);
  return record.restorations.flatMap((restoration) => {
    const steps = standing(bundle.powers.restorationSteps)
      .filter(({ item }) => item.restorationId === restoration.id)
      .sort((a, b) => order(a.item) - order(b.item));
    const done: RestorationState['steps'] = [];
    return steps.flatMap(({ item, i }) => {
      const state = { ...stateOn(record, restoration, item.completedOn), steps: [...done] };
      const problems = stepProblems(state, item.step, item.completedOn, item.outcome);
      done.push(rows.get(item.id) as RestorationState['steps'][number]);
      return problems.map(at(`${P}.restorationSteps[${i}]`));
    });
  });
}

/** Each decision taken by whoever held its function that day, on a proposal where it says so. */
function decisionRuleProblems(bundle: Bundle, record: CouncilPowers): BundleProblem[] {
  const people = new Map<string, Person>(
    bundle.people.map((p) => [
      p.id,
      { ...p, councilId: bundle.council.id, withdrawnAt: p.withdrawnAt ? new Date(p.withdrawnAt) : null },
    ]),
  );
  const holdings = new Map<string, Map<string, Holding>>();
  const holdingOf = (functionId: string, date: string) => {
    let onDate = holdings.get(date);
    if (!onDate) {
      onDate = new Map(holdingsOn(record, date).map((h) => [h.function.id, h]));
      holdings.set(date, onDate);
    }
    return onDate.get(functionId);
  };
  return standing(bundle.powers.decisions).flatMap(({ item: decision, i }) => {
    const path = `${P}.decisions[${i}]`;
    const holding = holdingOf(decision.functionId, decision.decidedOn);
    if (!holding)
      return [{ path: `${path}.functionId`, message: 'must be a function that has not been withdrawn' }];
    const decider = people.get(decision.decidedById);
    const inOffice = commissionersInOffice(record, decision.decidedOn);
    // The rule names the function because a form's decider is the person signed in; here it is a field.
    return decisionProblems(decision, holding, decider, inOffice).map(
      at(path, { functionId: 'decidedById' }),
    );
  });
}

/**
 * The Powers module's domain rules, applied to a bundle whose records are each
 * valid and whose references all resolve: a bundle must not hold what the
 * module's services would refuse. Each Direction is checked against the others
 * (dates, supersession, overlapping provisions), each restoration's steps are
 * replayed in the protocol's order, and each decision is checked against who
 * held its function on its date. Each problem is named by its JSON path.
 */
export function powersRuleProblems(bundle: Bundle): BundleProblem[] {
  const record = councilPowersOf(bundle);
  return [
    ...directionRuleProblems(bundle, record),
    ...stepRuleProblems(bundle, record),
    ...decisionRuleProblems(bundle, record),
  ];
}
