import {
  type Allocation,
  type CouncilFunction,
  type Direction,
  type DirectionProvision,
  FUNCTION_SERVICES,
  type Restoration,
  type RestorationFunction,
  type RestorationStepRecord,
} from '../schema.ts';
import { dayBefore, dayNumber } from './dates.ts';

/*
 * A council's Powers records indexed by function, so that the holder of every
 * function on a date is found without searching whole lists. Withdrawn rows are
 * left out here, once, and so count for nothing in any rule built on the index.
 */

/** The records the holder of a function is derived from. */
export interface PowersRecord {
  functions: CouncilFunction[];
  directions: Direction[];
  provisions: DirectionProvision[];
  allocations: Allocation[];
  restorations: Restoration[];
  restorationFunctions: RestorationFunction[];
  restorationSteps: RestorationStepRecord[];
}

/*
 * The index keeps each date also as a day number, because comparing numbers is
 * many times faster than comparing strings, and a council's holdings on a date
 * make tens of thousands of comparisons.
 */
/** The day number of the end of an open-ended period. */
export const OPEN = Number.POSITIVE_INFINITY;

/** What a Direction in the record provides for a function, with its period as day numbers. */
export interface Provided {
  direction: Direction;
  provision: DirectionProvision;
  from: number;
  /** The last day it is in force: its own end, or the day before a superseding Direction. */
  lastDay: string | null;
  last: number;
}

/** A function returned by an effective restoration, and the day it became effective. */
export interface Restored {
  restoration: Restoration;
  rf: RestorationFunction;
  effectiveOn: string;
  effective: number;
}

/** An allocation of a function, with its period as day numbers. */
export interface Allocated {
  allocation: Allocation;
  from: number;
  to: number;
  commissioner: boolean;
}

/** Everything in the record about one function. */
export interface FunctionIndex {
  fn: CouncilFunction;
  provided: Provided[];
  restored: Restored[];
  allocations: Allocated[];
}

/** A record indexed by function, the functions in register order. */
export interface RecordIndex {
  /** The arrays it was built from, so a changed record is indexed afresh. */
  sources: unknown[][];
  lengths: number[];
  lastDays: Map<string, string | null>;
  functions: FunctionIndex[];
  byId: Map<string, FunctionIndex>;
}

/** The rows that have not been withdrawn. */
export const live = <T extends { withdrawnAt: Date | null }>(rows: T[]): T[] =>
  rows.filter((r) => r.withdrawnAt === null);

const serviceOrder = (f: CouncilFunction) => FUNCTION_SERVICES.indexOf(f.service);
const collator = new Intl.Collator('en-GB');

/** Register order: by service as the register groups them, then portfolio (none last), then name. */
function registerOrder(a: CouncilFunction, b: CouncilFunction): number {
  return (
    serviceOrder(a) - serviceOrder(b) ||
    (a.portfolio === b.portfolio
      ? 0
      : a.portfolio === null
        ? 1
        : b.portfolio === null
          ? -1
          : collator.compare(a.portfolio, b.portfolio)) ||
    collator.compare(a.name, b.name) ||
    a.code.localeCompare(b.code)
  );
}

/** The last day each live Direction is in force, taking supersession into account. */
export function directionLastDays(directions: Direction[]): Map<string, string | null> {
  const supersededFrom = new Map<string, string>();
  for (const d of directions) {
    if (!d.supersedesId) continue;
    const earliest = supersededFrom.get(d.supersedesId);
    if (earliest === undefined || d.inForceFrom < earliest) supersededFrom.set(d.supersedesId, d.inForceFrom);
  }
  const lastDays = new Map<string, string | null>();
  for (const d of directions) {
    const superseded = supersededFrom.get(d.id);
    const beforeSuperseder = superseded === undefined ? null : dayBefore(superseded);
    const ends = [d.inForceUntil, beforeSuperseder].filter((x): x is string => x !== null).sort();
    lastDays.set(d.id, ends[0] ?? null);
  }
  return lastDays;
}

function buildIndex(record: PowersRecord, sources: unknown[][]): RecordIndex {
  const directions = live(record.directions);
  const lastDays = directionLastDays(directions);
  const directionById = new Map(directions.map((d) => [d.id, d]));
  const restorationById = new Map(live(record.restorations).map((r) => [r.id, r]));
  const effectiveOn = new Map<string, string>();
  for (const s of live(record.restorationSteps)) {
    if (s.step !== 'effective' || s.outcome !== 'passed' || !restorationById.has(s.restorationId)) continue;
    const known = effectiveOn.get(s.restorationId);
    if (known === undefined || s.completedOn < known) effectiveOn.set(s.restorationId, s.completedOn);
  }
  const functions = live(record.functions)
    .sort(registerOrder)
    .map((fn): FunctionIndex => ({ fn, provided: [], restored: [], allocations: [] }));
  const byId = new Map(functions.map((f) => [f.fn.id, f]));
  for (const provision of live(record.provisions)) {
    const direction = directionById.get(provision.directionId);
    const lastDay = lastDays.get(provision.directionId) ?? null;
    if (direction)
      byId.get(provision.functionId)?.provided.push({
        direction,
        provision,
        from: dayNumber(direction.inForceFrom),
        lastDay,
        last: lastDay === null ? OPEN : dayNumber(lastDay),
      });
  }
  for (const rf of live(record.restorationFunctions)) {
    const restoration = restorationById.get(rf.restorationId);
    const on = effectiveOn.get(rf.restorationId);
    if (restoration && on)
      byId.get(rf.functionId)?.restored.push({ restoration, rf, effectiveOn: on, effective: dayNumber(on) });
  }
  for (const allocation of live(record.allocations))
    byId.get(allocation.functionId)?.allocations.push({
      allocation,
      from: dayNumber(allocation.fromDate),
      to: allocation.toDate === null ? OPEN : dayNumber(allocation.toDate),
      commissioner: allocation.holderKind === 'commissioner',
    });
  return { sources, lengths: sources.map((s) => s.length), lastDays, functions, byId };
}

const cache = new WeakMap<PowersRecord, RecordIndex>();

/**
 * The record indexed by function, built once and reused while the record's arrays
 * are the same arrays of the same length. Records are read, not edited: a changed
 * record is a new record, a replaced array or an array with rows added.
 */
export function indexOf(record: PowersRecord): RecordIndex {
  const sources: unknown[][] = [
    record.functions,
    record.directions,
    record.provisions,
    record.allocations,
    record.restorations,
    record.restorationFunctions,
    record.restorationSteps,
  ];
  const hit = cache.get(record);
  if (hit && sources.every((s, i) => s === hit.sources[i] && s.length === hit.lengths[i])) return hit;
  const index = buildIndex(record, sources);
  cache.set(record, index);
  return index;
}
