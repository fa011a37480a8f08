import type {
  Allocation,
  CouncilFunction,
  Direction,
  DirectionProvision,
  HolderKind,
  ProvisionMode,
  Restoration,
} from '../schema.ts';
import { dayNumber, nextDay } from './dates.ts';
import {
  type Allocated,
  type FunctionIndex,
  indexOf,
  live,
  type PowersRecord,
  type Provided,
  type Restored,
} from './record-index.ts';

export type { PowersRecord } from './record-index.ts';

/*
 * Who holds each function on a date is never stored: it is derived here from the
 * Directions, restorations and allocations in force. Withdrawn rows count for nothing.
 */

/** Who exercises a function: a named person, a body, the Commissioners as a team, or the constitution's holder. */
export interface Holder {
  kind: HolderKind | 'commissioners' | 'constitution';
  personId: string | null;
  name: string;
}

/** A function's position on a date, with the records that put its holder there (null where none did). */
export interface Holding {
  function: CouncilFunction;
  mode: ProvisionMode;
  holder: Holder;
  since: string | null;
  direction: Direction | null;
  provision: DirectionProvision | null;
  restoration: Restoration | null;
  allocation: Allocation | null;
}

const inForce = (from: string, lastDay: string | null, date: string) =>
  from <= date && (lastDay === null || date <= lastDay);

/**
 * The allocation in force on a day, to a Commissioner or to the council side as
 * asked, starting after `after`; the latest to start wins.
 */
function latestAllocation(
  list: Allocated[],
  day: number,
  commissioner: boolean,
  after = 0,
): Allocation | null {
  let best: Allocated | null = null;
  for (const a of list) {
    if (a.commissioner !== commissioner || a.from > day || a.to < day || a.from <= after) continue;
    if (!best || a.from > best.from || (a.from === best.from && a.allocation.id > best.allocation.id))
      best = a;
  }
  return best?.allocation ?? null;
}

const allocated = (a: Allocation): Holder => ({
  kind: a.holderKind,
  personId: a.personId,
  name: a.holderName,
});
const constitution = (fn: CouncilFunction): Holder => ({
  kind: 'constitution',
  personId: null,
  name: fn.councilHolder,
});

/** One function's holding on a date, from its slice of the index. */
function holdingOn(f: FunctionIndex, date: string): Holding {
  const day = dayNumber(date);
  let provided: Provided | null = null;
  for (const p of f.provided) {
    if (p.from > day || p.last < day) continue;
    if (
      !provided ||
      p.from > provided.from ||
      (p.from === provided.from && p.direction.id > provided.direction.id)
    )
      provided = p;
  }
  let restored: Restored | null = null;
  for (const r of f.restored) {
    if (r.effective > day) continue;
    if (
      !restored ||
      r.effective > restored.effective ||
      (r.effective === restored.effective && r.rf.id > restored.rf.id)
    )
      restored = r;
  }
  // The later event governs; on the same day the restoration does.
  if (restored && provided && provided.from > restored.effective) restored = null;
  const byDirection = restored ? null : provided;
  const mode: ProvisionMode = byDirection ? byDirection.provision.mode : 'council';
  let allocation: Allocation | null;
  let holder: Holder;
  if (mode === 'commissioners') {
    allocation = latestAllocation(f.allocations, day, true);
    holder = allocation
      ? allocated(allocation)
      : { kind: 'commissioners', personId: null, name: 'the Commissioners' };
  } else {
    allocation = latestAllocation(f.allocations, day, false, restored?.effective);
    holder = allocation
      ? allocated(allocation)
      : restored
        ? {
            kind: restored.rf.returnsToKind,
            personId: restored.rf.returnsToPersonId,
            name: restored.rf.returnsToName,
          }
        : constitution(f.fn);
  }
  // One object literal: spreading a shared base here costs most of the time of a large council.
  return {
    function: f.fn,
    mode,
    holder,
    since: restored ? restored.effectiveOn : (byDirection?.direction.inForceFrom ?? null),
    direction: byDirection?.direction ?? null,
    provision: byDirection?.provision ?? null,
    restoration: restored?.restoration ?? null,
    allocation,
  };
}

/** The Directions in force on a date (not withdrawn, started, not ended, not superseded), earliest first. */
export function directionsInForce(record: PowersRecord, date: string): Direction[] {
  const { lastDays } = indexOf(record);
  return live(record.directions)
    .filter((d) => inForce(d.inForceFrom, lastDays.get(d.id) ?? null, date))
    .sort((a, b) => a.inForceFrom.localeCompare(b.inForceFrom) || a.id.localeCompare(b.id));
}

/**
 * Every function in the register with its holder on a date, in register order
 * (service, portfolio, name). Example: `holdingsOn(record, '2016-03-01')`.
 */
export function holdingsOn(record: PowersRecord, date: string): Holding[] {
  return indexOf(record).functions.map((f) => holdingOn(f, date));
}

const sameHolding = (a: Holding, b: Holding) =>
  a.mode === b.mode &&
  a.holder.kind === b.holder.kind &&
  a.holder.personId === b.holder.personId &&
  a.holder.name === b.holder.name;

/**
 * Every change of a function's mode or holder, in date order, each with `since`
 * the day it began. The first entry is the constitution's holder before any record
 * (since null). An unknown or withdrawn function has no history.
 */
export function functionHistory(record: PowersRecord, functionId: string): Holding[] {
  const f = indexOf(record).byId.get(functionId);
  if (!f) return [];
  const dates = new Set<string>();
  for (const p of f.provided) {
    dates.add(p.direction.inForceFrom);
    if (p.lastDay !== null) dates.add(nextDay(p.lastDay));
  }
  for (const r of f.restored) dates.add(r.effectiveOn);
  for (const { allocation } of f.allocations) {
    dates.add(allocation.fromDate);
    if (allocation.toDate !== null) dates.add(nextDay(allocation.toDate));
  }
  const history: Holding[] = [
    {
      function: f.fn,
      mode: 'council',
      holder: constitution(f.fn),
      since: null,
      direction: null,
      provision: null,
      restoration: null,
      allocation: null,
    },
  ];
  for (const date of [...dates].sort()) {
    const holding = holdingOn(f, date);
    if (!sameHolding(holding, history[history.length - 1] as Holding))
      history.push({ ...holding, since: date });
  }
  return history;
}
