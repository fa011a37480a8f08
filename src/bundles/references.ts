import type { BundleProblem } from './problems.ts';
import type { Bundle } from './schema.ts';

/** The fields of a record that hold an id or nothing: the ones that can refer to another record. */
type ReferenceField<T> = { [K in keyof T]: T[K] extends string | null ? K : never }[keyof T] & string;

/** A list of the bundle that references point into. */
interface Target {
  ids: ReadonlySet<string>;
  /** Its JSON path, such as $.powers.functions. */
  list: string;
  /** What one of its records is, for the message: "a function". */
  what: string;
}

/**
 * Problems where a field of each item (when given) must be the id of a record in
 * the target list; each is named at the field.
 *
 * @example mustBeIn(bundle.users, '$.users', 'personId', people)
 */
export function mustBeIn<T>(
  items: readonly T[],
  list: string,
  field: ReferenceField<T>,
  target: Target,
): BundleProblem[] {
  return items.flatMap((item, i) => {
    const value = item[field] as string | null;
    return value === null || target.ids.has(value)
      ? []
      : [
          {
            path: `${list}[${i}].${field}`,
            message: `must be the id of ${target.what} in ${target.list}; ${value} is not`,
          },
        ];
  });
}

/**
 * Problems where two items have the same key: the second is named at its field,
 * with the place of the first. A shared `seen` map checks several lists together.
 */
export function uniqueIn<T>(
  items: readonly T[],
  list: string,
  field: keyof T & string,
  key: (item: T) => string,
  problem: (item: T, first: string) => string,
  seen = new Map<string, string>(),
): BundleProblem[] {
  const problems: BundleProblem[] = [];
  items.forEach((item, i) => {
    const path = `${list}[${i}].${field}`;
    const first = seen.get(key(item));
    if (first) problems.push({ path, message: problem(item, first) });
    else seen.set(key(item), path);
  });
  return problems;
}

const pair = (a: string, b: string) => `${a}\n${b}`;

/**
 * Ids used twice anywhere in the bundle, and values the database holds once: an
 * email, a person in a public role, a function's code, one provision per function
 * in a Direction, one entry per function and one record per step in a restoration.
 */
export function duplicates(bundle: Bundle): BundleProblem[] {
  const { powers } = bundle;
  const ids = new Map([[bundle.council.id, '$.council.id']]);
  const sameId = (item: { id: string }, first: string) => `id ${item.id} is already used at ${first}`;
  const lists: [string, readonly { id: string }[]][] = [
    ['$.people', bundle.people],
    ['$.users', bundle.users],
    ...Object.entries(powers).map(([name, items]): [string, { id: string }[]] => [`$.powers.${name}`, items]),
  ];
  return [
    ...lists.flatMap(([list, items]) => uniqueIn(items, list, 'id', (r) => r.id, sameId, ids)),
    ...uniqueIn(
      bundle.people,
      '$.people',
      'name',
      (p) => pair(p.name, p.publicRole),
      (p, first) => `${p.name} is already recorded as ${p.publicRole} at ${first}`,
    ),
    ...uniqueIn(
      bundle.users,
      '$.users',
      'email',
      (u) => u.email,
      (u, first) => `email ${u.email} is already used at ${first}`,
    ),
    ...uniqueIn(
      powers.functions,
      '$.powers.functions',
      'code',
      (f) => f.code,
      (f, first) => `code ${f.code} is already used at ${first}`,
    ),
    ...uniqueIn(
      powers.provisions,
      '$.powers.provisions',
      'functionId',
      (p) => pair(p.directionId, p.functionId),
      (p, first) => `Direction ${p.directionId} already provides for function ${p.functionId} at ${first}`,
    ),
    ...uniqueIn(
      powers.restorationFunctions,
      '$.powers.restorationFunctions',
      'functionId',
      (r) => pair(r.restorationId, r.functionId),
      (r, first) => `restoration ${r.restorationId} already names function ${r.functionId} at ${first}`,
    ),
    ...uniqueIn(
      powers.restorationSteps,
      '$.powers.restorationSteps',
      'step',
      (s) => pair(s.restorationId, s.step),
      (s, first) => `restoration ${s.restorationId} already records its ${s.step} step at ${first}`,
    ),
  ];
}

/** References that do not resolve to a record of the bundle, and a Direction that supersedes itself. */
export function danglingReferences(bundle: Bundle): BundleProblem[] {
  const { powers } = bundle;
  const target = (items: readonly { id: string }[], list: string, what: string): Target => ({
    ids: new Set(items.map((r) => r.id)),
    list,
    what,
  });
  const people = target(bundle.people, '$.people', 'a person');
  const functions = target(powers.functions, '$.powers.functions', 'a function');
  const directions = target(powers.directions, '$.powers.directions', 'a Direction');
  const restorations = target(powers.restorations, '$.powers.restorations', 'a restoration');
  const P = '$.powers';
  return [
    ...mustBeIn(bundle.users, '$.users', 'personId', people),
    ...mustBeIn(powers.directions, `${P}.directions`, 'supersedesId', directions),
    ...powers.directions.flatMap((d, i) =>
      d.supersedesId === d.id
        ? [{ path: `${P}.directions[${i}].supersedesId`, message: 'must not be the Direction’s own id' }]
        : [],
    ),
    ...mustBeIn(powers.provisions, `${P}.provisions`, 'directionId', directions),
    ...mustBeIn(powers.provisions, `${P}.provisions`, 'functionId', functions),
    ...mustBeIn(powers.commissionerAppointments, `${P}.commissionerAppointments`, 'personId', people),
    ...mustBeIn(powers.allocations, `${P}.allocations`, 'functionId', functions),
    ...mustBeIn(powers.allocations, `${P}.allocations`, 'personId', people),
    ...mustBeIn(powers.allocations, `${P}.allocations`, 'restorationId', restorations),
    ...mustBeIn(powers.restorationFunctions, `${P}.restorationFunctions`, 'restorationId', restorations),
    ...mustBeIn(powers.restorationFunctions, `${P}.restorationFunctions`, 'functionId', functions),
    ...mustBeIn(powers.restorationFunctions, `${P}.restorationFunctions`, 'returnsToPersonId', people),
    ...mustBeIn(powers.restorationSteps, `${P}.restorationSteps`, 'restorationId', restorations),
    ...mustBeIn(powers.restorationPauses, `${P}.restorationPauses`, 'restorationId', restorations),
    ...mustBeIn(powers.representations, `${P}.representations`, 'restorationId', restorations),
    ...mustBeIn(powers.decisions, `${P}.decisions`, 'functionId', functions),
    ...mustBeIn(powers.decisions, `${P}.decisions`, 'proposedById', people),
    ...mustBeIn(powers.decisions, `${P}.decisions`, 'decidedById', people),
  ];
}
