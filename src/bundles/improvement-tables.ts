import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  boardEntity,
  commentaryEntity,
  indicatorEntity,
  indicatorValueEntity,
  managementActionEntity,
  milestoneEntity,
  peerReviewEntity,
  planEntity,
  projectEntity,
  rebaselineEntity,
  recommendationEntity,
  workstreamEntity,
} from '#src/db/ledgered.ts';
import type { LedgeredTable } from '#src/ledger/records.ts';
import {
  completedAsAt,
  type EarlierItem,
  latestFirst,
  preparePlanItems,
  type RecycledItem,
  recycledCandidates,
  recycledRows,
} from '#src/modules/improvement/service.ts';
import type { ImprovementList } from './improvement-schema.ts';
import type { Bundle } from './schema.ts';

/** Where one list of the bundle's Improvement section is kept. */
export interface ImprovementTable {
  list: ImprovementList;
  entity: LedgeredTable;
  councilId: PgColumn;
}

const table = <T extends PgTable & { councilId: PgColumn }>(
  list: ImprovementList,
  entity: LedgeredTable<T>,
): ImprovementTable => ({
  list,
  entity: entity as unknown as LedgeredTable,
  councilId: entity.table.councilId,
});

/**
 * The Improvement section's tables, each after the tables its records refer to:
 * the order of import. Recycled-plan flags are not among them: import derives
 * them once the projects and milestones are in.
 */
export const IMPROVEMENT_TABLES: readonly ImprovementTable[] = [
  table('boards', boardEntity),
  table('plans', planEntity),
  table('workstreams', workstreamEntity),
  table('projects', projectEntity),
  table('milestones', milestoneEntity),
  table('rebaselines', rebaselineEntity),
  table('managementActions', managementActionEntity),
  table('commentary', commentaryEntity),
  table('indicators', indicatorEntity),
  table('indicatorValues', indicatorValueEntity),
  table('peerReviews', peerReviewEntity),
  table('recommendations', recommendationEntity),
];

/**
 * The recycled-plan flags of a bundle's Improvement section, derived as the
 * service derives them when a plan is added: each standing plan, in order of
 * adoption, checked against the standing items of every standing plan adopted
 * before it, on the day of its adoption. The items are read once for all the
 * plans (`preparePlanItems`), not once for each. The flags' ids follow from the
 * two items they name, so importing the same bundle twice gives the same flags.
 */
export function recycledItemsOfBundle(bundle: Bundle): RecycledItem[] {
  const s = bundle.improvement;
  const plans = standing(s.plans).sort((a, b) =>
    a.adoptedOn === b.adoptedOn ? (a.id < b.id ? -1 : 1) : a.adoptedOn < b.adoptedOn ? -1 : 1,
  );
  const adoptedOn = new Map(plans.map((p) => [p.id, p.adoptedOn]));
  const milestonesOf = groupBy(standing(s.milestones), (m) => m.projectId);
  const ofPlans = standing(s.projects).filter((p) => adoptedOn.has(p.planId));
  if (plans.length < 2 || ofPlans.length === 0) return [];
  // Every item, latest plan first: the earlier items of any plan, taken in this order, are in the order the
  // check prefers. Read once for all the plans.
  const items = ofPlans
    .map((p): EarlierItem => ({ ...p, adoptedOn: adoptedOn.get(p.planId) as string }))
    .sort(latestFirst);
  const prepared = preparePlanItems(items);
  const placeOf = new Map(items.map((item, at) => [item.id, at]));
  // Each plan's items in the bundle's order, as the service checks a plan's items in the order added.
  const ownOf = groupBy(ofPlans, (p) => p.planId);
  return plans.flatMap((plan) => {
    const own = (ownOf.get(plan.id) ?? []).map((p) => placeOf.get(p.id) as number);
    const earlier =
      own.length === 0
        ? []
        : Array.from(items.keys()).filter((at) => (items[at] as EarlierItem).adoptedOn < plan.adoptedOn);
    if (earlier.length === 0) return [];
    const candidates = recycledCandidates(prepared, own, earlier);
    return recycledRows(
      bundle.council.id,
      candidates,
      (id) => completedAsAt(milestonesOf.get(id) ?? [], plan.adoptedOn),
      plan.adoptedOn,
    );
  });
}

const standing = <T extends { withdrawnAt: string | null }>(items: readonly T[]) =>
  items.filter((item) => item.withdrawnAt === null);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
