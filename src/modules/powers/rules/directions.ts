import type { Direction } from '../schema.ts';
import { dayBefore, longDate } from './dates.ts';
import type { Problem } from './problem.ts';
import { directionLastDays, live, type PowersRecord } from './record-index.ts';

/**
 * The parts of a Direction its rules read. `id` is given when an existing
 * Direction is checked again, so that it is not compared with itself.
 */
export type DirectionCandidate = Pick<
  Direction,
  'title' | 'madeOn' | 'inForceFrom' | 'inForceUntil' | 'supersedesId'
> & { id?: string };

/** A period of days, `to` null while it is open. */
interface Period {
  from: string;
  to: string | null;
}

/** The earlier of an end that may be open (null) and a day. */
const earlier = (a: string | null, b: string) => (a === null || b < a ? b : a);
const overlaps = (a: Period, b: Period) =>
  (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);

function periodText(p: Period): string {
  return p.to === null ? `from ${longDate(p.from)}` : `from ${longDate(p.from)} to ${longDate(p.to)}`;
}

/** The problems with a Direction's own dates and with what it supersedes. */
function dateProblems(d: DirectionCandidate, others: Direction[]): Problem[] {
  const problems: Problem[] = [];
  if (d.inForceFrom < d.madeOn)
    problems.push({
      field: 'inForceFrom',
      message: `The date it comes into force must be the same as or after the date it was made (${longDate(d.madeOn)})`,
    });
  if (d.inForceUntil !== null && d.inForceUntil < d.inForceFrom)
    problems.push({
      field: 'inForceUntil',
      message: `The last day in force must be the same as or after the date it comes into force (${longDate(d.inForceFrom)})`,
    });
  if (d.supersedesId) {
    const superseded = others.find((o) => o.id === d.supersedesId);
    if (!superseded)
      problems.push({
        field: 'supersedesId',
        message: 'Select a Direction of this council that has not been withdrawn as the one it supersedes',
      });
    else if (superseded.inForceFrom >= d.inForceFrom)
      problems.push({
        field: 'supersedesId',
        message: `A Direction can only supersede one that came into force before it: ‘${superseded.title}’ came into force on ${longDate(superseded.inForceFrom)}`,
      });
  }
  return problems;
}

/** The problems with the list of functions a Direction provides for, and the known functions listed once each. */
function listProblems(
  functionIds: string[],
  names: Map<string, string>,
): { problems: Problem[]; known: string[] } {
  const problems: Problem[] = [];
  if (functionIds.length === 0)
    problems.push({
      field: 'functionIds',
      message: 'Select at least one function the Direction provides for',
    });
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of functionIds) (seen.has(id) ? repeated : seen).add(id);
  for (const id of repeated)
    problems.push({
      field: 'functionIds',
      message: `${names.has(id) ? `‘${names.get(id)}’` : 'A function'} is listed more than once; list each function once`,
    });
  const unknown = [...seen].filter((id) => !names.has(id)).length;
  if (unknown)
    problems.push({
      field: 'functionIds',
      message: `${unknown === 1 ? 'One function given is' : `${unknown} functions given are`} not in the council’s register; select functions from the register`,
    });
  return { problems, known: [...seen].filter((id) => names.has(id)) };
}

/**
 * Why a new (or re-checked) Direction cannot be recorded, as problems a person
 * reads; none when it can. Its dates must be in order, what it supersedes must be
 * an earlier Direction, it must list each function in the register once, and no
 * function may be provided for by two Directions on the same day: the Direction it
 * supersedes ends the day before it comes into force.
 */
export function directionProblems(
  candidate: { direction: DirectionCandidate; functionIds: string[] },
  record: PowersRecord,
): Problem[] {
  const d = candidate.direction;
  const others = live(record.directions).filter((o) => o.id !== d.id);
  const names = new Map(live(record.functions).map((f) => [f.id, f.name]));
  const list = listProblems(candidate.functionIds, names);
  const problems = [...dateProblems(d, others), ...list.problems];
  const supersededFrom = d.id === undefined ? [] : others.filter((o) => o.supersedesId === d.id);
  const own: Period = {
    from: d.inForceFrom,
    to: supersededFrom.reduce<string | null>(
      (to, o) => earlier(to, dayBefore(o.inForceFrom)),
      d.inForceUntil,
    ),
  };
  if (own.to !== null && own.to < own.from) return problems;

  const lastDays = directionLastDays(others);
  const byId = new Map(others.map((o) => [o.id, o]));
  const order = new Map(list.known.map((id, i) => [id, i]));
  const clashes: { rank: number; functionId: string; other: Direction; theirs: Period }[] = [];
  for (const p of live(record.provisions)) {
    const other = byId.get(p.directionId);
    const rank = order.get(p.functionId);
    if (!other || rank === undefined) continue;
    let to = lastDays.get(other.id) ?? null;
    if (other.id === d.supersedesId) to = earlier(to, dayBefore(d.inForceFrom));
    const theirs: Period = { from: other.inForceFrom, to };
    if ((to === null || to >= theirs.from) && overlaps(own, theirs))
      clashes.push({ rank, functionId: p.functionId, other, theirs });
  }
  clashes.sort((a, b) => a.rank - b.rank || a.theirs.from.localeCompare(b.theirs.from));
  for (const { functionId, other, theirs } of clashes) {
    const fix =
      own.from >= theirs.from
        ? 'a new Direction covering it must supersede that one or start after it ends'
        : `a Direction covering it that comes into force earlier must end before ${longDate(theirs.from)}`;
    problems.push({
      field: 'functionIds',
      message: `‘${names.get(functionId)}’ is already provided for by ‘${other.title}’ ${periodText(theirs)}; ${fix}`,
    });
  }
  return problems;
}
