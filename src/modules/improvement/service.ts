import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '#src/db/client.ts';
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
  recycledItemEntity,
} from '#src/db/ledgered.ts';
import { appendBatchToLedger } from '#src/ledger/append.ts';
import { type Actor, insertRecord, type LedgeredTable, stateOf, updateRecord } from '#src/ledger/records.ts';
import { people } from '#src/modules/councils/schema.ts';
import { longDate } from '#src/modules/powers/rules/dates.ts';
import { type Problem, RuleError } from '#src/modules/powers/rules/problem.ts';
import { isCalendarDate } from './rules/calendar.ts';
import { indicatorValueProblems } from './rules/indicators.ts';
import { completionProblems, managementActionProblems, rebaselineProblems } from './rules/problems.ts';
import { bestEarlierMatches, type PreparedItems, prepareItems, RECYCLED_METHOD } from './rules/recycled.ts';
import { dueDateOn, milestoneDone } from './rules/status.ts';
import type { MilestoneFacts } from './rules/types.ts';
import {
  type EvidenceKind,
  FREQUENCIES,
  INDICATOR_UNITS,
  improvementBoards,
  indicators,
  indicatorValues,
  milestones,
  PEER_REVIEW_CONCLUSIONS,
  PLAN_KINDS,
  type PlanKind,
  POLARITIES,
  peerReviewRecommendations,
  plans,
  projects,
  rebaselines,
} from './schema.ts';

/*
 * The Improvement module's changes: each checked against the council's record
 * under a per-council lock, written in the caller's transaction with its ledger
 * entry, or refused with the problems a person reads and nothing written. A
 * status is never written: it is derived (rules/status.ts) from what is.
 */

export type Board = typeof improvementBoards.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type Rebaseline = typeof rebaselines.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
export type Recommendation = typeof peerReviewRecommendations.$inferSelect;
export type RecycledItem = typeof recycledItemEntity.table.$inferSelect;

/** A change the Improvement rules refuse, with the problems a person reads. Nothing was written. */
export class ImprovementRuleError extends RuleError {
  constructor(problems: Problem[]) {
    super(problems, '; ');
  }
}

function refuseIf(problems: Problem[]): void {
  if (problems.length) throw new ImprovementRuleError(problems);
}

function refuse(field: string, message: string): never {
  throw new ImprovementRuleError([{ field, message }]);
}

/** Serialises changes to one council's Improvement records for the rest of the transaction. */
async function lockCouncilImprovement(tx: Tx, councilId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`improvement:${councilId}`}))`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CouncilTable = PgTable & { id: PgColumn; councilId: PgColumn; withdrawnAt: PgColumn };

/** A record of the council that has not been withdrawn; undefined for another council's, a withdrawn one, or no id. */
async function standing<T extends CouncilTable>(
  tx: Tx,
  table: T,
  councilId: string,
  id: string | null | undefined,
): Promise<T['$inferSelect'] | undefined> {
  if (!id || !UUID.test(id)) return undefined;
  const rows = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.councilId, councilId), isNull(table.withdrawnAt)));
  return rows[0] as T['$inferSelect'] | undefined;
}

/** The standing record `id` names, or a refusal at `field` saying there is no such `what`. */
async function mustFind<T extends CouncilTable>(
  tx: Tx,
  table: T,
  councilId: string,
  id: string,
  field: string,
  what: string,
): Promise<T['$inferSelect']> {
  const row = await standing(tx, table, councilId, id);
  return row ?? refuse(field, `There is no such ${what} in this council’s record`);
}

const blank = (s: string | null | undefined) => s == null || s.trim() === '';

/** Problems of required text fields left blank, each named `prefix` + its key. */
function required(input: object, fields: Record<string, string>, prefix = ''): Problem[] {
  const given = input as Record<string, unknown>;
  return Object.entries(fields).flatMap(([key, what]) =>
    typeof given[key] !== 'string' || blank(given[key] as string)
      ? [{ field: `${prefix}${key}`, message: `Enter ${what}` }]
      : [],
  );
}

/** Problems of date fields that are not real dates (optional ones may be null). */
function dates(input: object, fields: string[], prefix = '', optional: string[] = []): Problem[] {
  return [...fields, ...optional].flatMap((key) => {
    const v = (input as Record<string, unknown>)[key];
    if (v == null && optional.includes(key)) return [];
    return typeof v === 'string' && isCalendarDate(v)
      ? []
      : [{ field: `${prefix}${key}`, message: 'Enter a real date, like 2015-10-31' }];
  });
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.includes(v as T);

/** Rows a statement inserts at once, well under PostgreSQL's 65,535 bound parameters. */
const CHUNK = 1000;

/**
 * Inserts many records of one table, a chunk to a statement, and appends their
 * ledger entries as one batch: a plan of hundreds of items is written in a few
 * statements rather than one per record.
 */
async function createMany<T extends CouncilTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  rows: readonly T['$inferInsert'][],
  by: Actor,
): Promise<T['$inferSelect'][]> {
  const written: T['$inferSelect'][] = [];
  for (let i = 0; i < rows.length; i += CHUNK)
    written.push(
      ...((await tx
        .insert(entity.table)
        .values(rows.slice(i, i + CHUNK) as never)
        .returning()) as T['$inferSelect'][]),
    );
  await appendBatchToLedger(
    tx,
    written.map((row) => ({
      councilId: entity.councilOf(row),
      actor: by.actor,
      action: 'create',
      entityType: entity.entityType,
      entityId: String(row.id),
      reason: by.reason ?? null,
      before: null,
      after: stateOf(entity, row),
    })),
  );
  return written;
}

/** Inserts a new record of the council, with a new id, and its ledger entry; fields left out are null. */
function create<T extends CouncilTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  councilId: string,
  values: Omit<T['$inferInsert'], 'id' | 'councilId'>,
  by: Actor,
): Promise<T['$inferSelect']> {
  return insertRecord(tx, entity, { id: randomUUID(), councilId, ...values } as T['$inferInsert'], by);
}

/** A milestone of a project as given when the project is added. */
export interface MilestoneInput {
  title: string;
  dueOn: string;
}

/** A project of a plan (for an action list, one action) as given when it is added. */
export interface ProjectInput {
  ref: string;
  title: string;
  description?: string | null;
  accountableOfficer: string;
  startOn: string;
  dueOn: string;
  boardId?: string | null;
  leadMemberPersonId?: string | null;
  /** None given, none recorded: such a project can never derive to complete. */
  milestones?: readonly MilestoneInput[];
}

export interface PlanInput {
  title: string;
  kind: PlanKind;
  adoptedOn: string;
  summary?: string | null;
  source?: string | null;
  items: readonly ProjectInput[];
}

/** A project and its milestones as added, with the earlier items it repeats. */
export interface AddedProject {
  project: Project;
  milestones: Milestone[];
  recycled: RecycledItem[];
}

/** Where one of a plan's items stands for the recycled-plan check. */
export interface PlanItem {
  id: string;
  planId: string;
  title: string;
  description: string | null;
}

/** An item of an earlier plan, with its plan's adoption. */
export interface EarlierItem extends PlanItem {
  adoptedOn: string;
}

/** An item of an earlier plan, with its plan's adoption and the milestones that say whether it was completed. */
export interface EarlierPlanItem extends EarlierItem {
  milestones: readonly MilestoneFacts[];
}

/**
 * Earlier items in the order the check prefers among equally similar ones: the
 * latest plan first (the last time the item was promised), then by plan and
 * item id, so that the same records always give the same flags.
 */
export const latestFirst = (a: EarlierItem, b: EarlierItem) =>
  a.adoptedOn !== b.adoptedOn
    ? a.adoptedOn < b.adoptedOn
      ? 1
      : -1
    : a.planId !== b.planId
      ? a.planId < b.planId
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

const itemText = (item: PlanItem) => (item.description ? `${item.title}\n${item.description}` : item.title);

/** Plan items as the recycled-plan check reads them (rules/recycled.ts), read once for any number of checks. */
export function preparePlanItems(items: readonly PlanItem[]): PreparedItems {
  return prepareItems(items.map((i) => ({ id: i.id, planId: i.planId, text: itemText(i) })));
}

/**
 * Whether an earlier item was completed as at `on`: it has at least one
 * milestone, and every one was done, with evidence, by then.
 */
export const completedAsAt = (milestones: readonly MilestoneFacts[], on: string): boolean =>
  milestones.length > 0 && milestones.every((m) => milestoneDone(m, on));

/**
 * The id of the flag that `projectId` repeats `earlierProjectId`: a name-based
 * UUID (version 5 layout) of the pair, so that the same check on the same
 * records, in this deployment or after an import into another, gives the same id.
 */
export function recycledItemId(projectId: string, earlierProjectId: string): string {
  const h = createHash('sha1')
    .update(`freshstart:recycled-item:${projectId}:${earlierProjectId}`)
    .digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** A new item and the earlier item it repeats most nearly, before asking whether that one was completed. */
export interface RecycledCandidate {
  itemId: string;
  earlierId: string;
  similarity: number;
}

/**
 * The recycled-plan check's matches among prepared items (`preparePlanItems`):
 * for each of the items `newAt` (places among them), the earlier item of
 * `earlierAt` (places, latest first: see `latestFirst`) it repeats most nearly,
 * if any. Whether that earlier item was completed is asked of these alone
 * (`recycledRows`): a lesser match never counts.
 */
export function recycledCandidates(
  prepared: PreparedItems,
  newAt: readonly number[],
  earlierAt: readonly number[],
): RecycledCandidate[] {
  const id = (at: number) => (prepared.items[at] as { id: string }).id;
  return bestEarlierMatches(prepared, newAt, earlierAt).map((m) => ({
    itemId: id(m.item),
    earlierId: id(m.earlier),
    similarity: m.similarity,
  }));
}

/** The flags of the candidates whose earlier item was not completed as at `checkedOn`, as the rows that record them. */
export function recycledRows(
  councilId: string,
  candidates: readonly RecycledCandidate[],
  completed: (earlierId: string) => boolean,
  checkedOn: string,
): RecycledItem[] {
  return candidates
    .filter((c) => !completed(c.earlierId))
    .map((c) => ({
      id: recycledItemId(c.itemId, c.earlierId),
      councilId,
      projectId: c.itemId,
      earlierProjectId: c.earlierId,
      similarity: c.similarity,
      method: RECYCLED_METHOD,
      checkedOn,
      withdrawnAt: null,
      withdrawnReason: null,
    }));
}

/**
 * The recycled-plan check, without the database: each of `items` that repeats
 * an item of `earlier` not completed as at `checkedOn` (the new plan's
 * adoption), as the row that records it. An earlier item counts as completed
 * when it has at least one milestone and every one was done, with evidence, by
 * `checkedOn`. Of earlier items equally similar, the one of the latest plan is
 * named. The service and bundle import check the same way, reading items once
 * for many checks (`preparePlanItems`, `recycledCandidates`, `recycledRows`).
 */
export function recycledItemsOf(
  councilId: string,
  items: readonly PlanItem[],
  earlier: readonly EarlierPlanItem[],
  checkedOn: string,
): RecycledItem[] {
  if (items.length === 0 || earlier.length === 0) return [];
  const ordered = [...earlier].sort(latestFirst);
  const prepared = preparePlanItems([...ordered, ...items]);
  const candidates = recycledCandidates(
    prepared,
    items.map((_, n) => ordered.length + n),
    ordered.map((_, e) => e),
  );
  const milestonesOf = new Map(ordered.map((e) => [e.id, e.milestones]));
  return recycledRows(
    councilId,
    candidates,
    (id) => completedAsAt(milestonesOf.get(id) ?? [], checkedOn),
    checkedOn,
  );
}

/**
 * The standing items of the council's standing plans adopted before
 * `adoptedOn`, latest first (`latestFirst`): one row per plan, its items in
 * one JSON text, which both drivers hand over far faster than a row per item.
 */
async function earlierItems(tx: Tx, councilId: string, adoptedOn: string): Promise<EarlierItem[]> {
  const rows = await queryRows<{ planId: string; adoptedOn: string; items: string | null }>(
    tx,
    sql`select pl.id as "planId", pl.adopted_on::text as "adoptedOn",
      (select json_agg(json_build_array(p.id, p.title, p.description) order by p.id) from projects p
        where p.plan_id = pl.id and p.council_id = ${councilId} and p.withdrawn_at is null)::text as items
    from plans pl
    where pl.council_id = ${councilId} and pl.withdrawn_at is null and pl.adopted_on < ${adoptedOn}
    order by pl.adopted_on desc, pl.id`,
  );
  const items: EarlierItem[] = [];
  for (const plan of rows) {
    if (!plan.items) continue;
    for (const [id, title, description] of JSON.parse(plan.items) as [string, string, string | null][])
      items.push({ id, planId: plan.planId, title, description, adoptedOn: plan.adoptedOn });
  }
  // Already in this order as the server gives it; sorted again to be sure, which costs little so.
  return items.sort(latestFirst);
}

/** Which of the projects `ids` were completed as at `on` (`completedAsAt`), by their standing milestones. */
async function completedOf(tx: Tx, ids: readonly string[], on: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({
      projectId: milestones.projectId,
      id: milestones.id,
      title: milestones.title,
      dueOn: milestones.dueOn,
      completedOn: milestones.completedOn,
      evidenceKind: milestones.evidenceKind,
      evidence: milestones.evidence,
    })
    .from(milestones)
    .where(and(inArray(milestones.projectId, [...new Set(ids)]), isNull(milestones.withdrawnAt)));
  const of = new Map<string, MilestoneFacts[]>();
  for (const { projectId, ...m } of rows) {
    const list = of.get(projectId);
    if (list) list.push(m);
    else of.set(projectId, [m]);
  }
  return new Set([...of].filter(([, ms]) => completedAsAt(ms, on)).map(([id]) => id));
}

/**
 * Runs the recycled-plan check of `items` (projects of plan `planId`, adopted
 * on `adoptedOn`) against every item of every earlier plan of the council, and
 * records each match, with the day of the check the plan's adoption. Only the
 * earlier items matched are asked whether they were completed.
 */
export async function recycledCheck(
  tx: Tx,
  councilId: string,
  planId: string,
  items: readonly PlanItem[],
  adoptedOn: string,
  by: Actor,
): Promise<RecycledItem[]> {
  const own = items.filter((i) => i.planId === planId);
  if (own.length === 0) return [];
  const earlier = await earlierItems(tx, councilId, adoptedOn);
  if (earlier.length === 0) return [];
  const prepared = preparePlanItems([...earlier, ...own]);
  const candidates = recycledCandidates(
    prepared,
    own.map((_, n) => earlier.length + n),
    earlier.map((_, e) => e),
  );
  const completed = await completedOf(
    tx,
    candidates.map((c) => c.earlierId),
    adoptedOn,
  );
  const found = recycledRows(councilId, candidates, (id) => completed.has(id), adoptedOn);
  return createMany(tx, recycledItemEntity, found, by);
}

/** What is wrong with a project about to be added to a plan, each problem named `prefix` + its input key. */
async function projectProblems(
  tx: Tx,
  councilId: string,
  item: ProjectInput,
  prefix: string,
  refsTaken: Set<string>,
): Promise<Problem[]> {
  const problems = [
    ...required(
      item,
      {
        ref: 'the plan’s reference for it',
        title: 'a title',
        accountableOfficer: 'the accountable officer',
      },
      prefix,
    ),
    ...dates(item, ['startOn', 'dueOn'], prefix),
  ];
  if (!blank(item.ref)) {
    if (refsTaken.has(item.ref))
      problems.push({ field: `${prefix}ref`, message: `The plan already has an item ${item.ref}` });
    refsTaken.add(item.ref);
  }
  if (isCalendarDate(item.startOn) && isCalendarDate(item.dueOn) && item.dueOn < item.startOn)
    problems.push({
      field: `${prefix}dueOn`,
      message: 'The due date must be the same as or after the start date',
    });
  if (item.boardId && !(await standing(tx, improvementBoards, councilId, item.boardId)))
    problems.push({ field: `${prefix}boardId`, message: 'Select a board of this council' });
  if (item.leadMemberPersonId && !(await standing(tx, people, councilId, item.leadMemberPersonId)))
    problems.push({
      field: `${prefix}leadMemberPersonId`,
      message: 'Select a person of this council as lead member',
    });
  (item.milestones ?? []).forEach((m, j) => {
    const at = `${prefix}milestones[${j}].`;
    problems.push(...required(m, { title: 'a title for the milestone' }, at), ...dates(m, ['dueOn'], at));
  });
  return problems;
}

/** The references of the projects already on a plan, withdrawn ones included: a reference is never reused. */
async function refsOf(tx: Tx, planId: string): Promise<Set<string>> {
  const rows = await tx.select({ ref: projects.ref }).from(projects).where(eq(projects.planId, planId));
  return new Set(rows.map((r) => r.ref));
}

/** Writes checked projects of a plan and their milestones, in that order. */
async function insertProjects(
  tx: Tx,
  councilId: string,
  planId: string,
  items: readonly ProjectInput[],
  by: Actor,
): Promise<{ projects: Project[]; milestones: Milestone[] }> {
  const rows = items.map(({ milestones: _, ...fields }) => ({
    id: randomUUID(),
    councilId,
    planId,
    ...fields,
  }));
  const milestoneRows = items.flatMap((item, k) =>
    (item.milestones ?? []).map((m, i) => ({
      id: randomUUID(),
      councilId,
      projectId: (rows[k] as { id: string }).id,
      title: m.title,
      dueOn: m.dueOn,
      position: i + 1,
    })),
  );
  return {
    projects: await createMany(tx, projectEntity, rows, by),
    milestones: await createMany(tx, milestoneEntity, milestoneRows, by),
  };
}

/**
 * Adds a plan (or action list) with its items, each a project with its
 * milestones, and runs the recycled-plan check of the items against every
 * earlier plan of the council, recording each item that repeats an earlier one
 * that was not completed.
 */
export async function addPlan(
  tx: Tx,
  councilId: string,
  input: PlanInput,
  by: Actor,
): Promise<{ plan: Plan; projects: Project[]; recycled: RecycledItem[] }> {
  await lockCouncilImprovement(tx, councilId);
  const problems = [...required(input, { title: 'a title for the plan' }), ...dates(input, ['adoptedOn'])];
  if (!oneOf(PLAN_KINDS, input.kind))
    problems.push({ field: 'kind', message: 'Select whether it is an improvement plan or an action plan' });
  const refs = new Set<string>();
  for (const [i, item] of input.items.entries())
    problems.push(...(await projectProblems(tx, councilId, item, `items[${i}].`, refs)));
  refuseIf(problems);
  const { items, ...fields } = input;
  const plan = await create(tx, planEntity, councilId, fields, by);
  const added = await insertProjects(tx, councilId, plan.id, items, by);
  const recycled = await recycledCheck(tx, councilId, plan.id, added.projects, plan.adoptedOn, by);
  return { plan, projects: added.projects, recycled };
}

/** Adds a project and its milestones to a standing plan, refusing problems at `prefix` + each input key. */
async function addProjectLocked(
  tx: Tx,
  councilId: string,
  plan: Plan,
  item: ProjectInput,
  by: Actor,
  prefix: string,
): Promise<AddedProject> {
  refuseIf(await projectProblems(tx, councilId, item, prefix, await refsOf(tx, plan.id)));
  const added = await insertProjects(tx, councilId, plan.id, [item], by);
  const project = added.projects[0] as Project;
  const recycled = await recycledCheck(tx, councilId, plan.id, [project], plan.adoptedOn, by);
  return { project, milestones: added.milestones, recycled };
}

/**
 * Adds one project (for an action list, one action) to a plan, and runs the
 * recycled-plan check of it against the council's plans adopted before this one.
 */
export async function addProject(
  tx: Tx,
  councilId: string,
  planId: string,
  item: ProjectInput,
  by: Actor,
): Promise<AddedProject> {
  await lockCouncilImprovement(tx, councilId);
  const plan = await mustFind(tx, plans, councilId, planId, 'planId', 'plan');
  return addProjectLocked(tx, councilId, plan, item, by, '');
}

/** A standing milestone of the council and its standing project. */
async function milestoneAndProject(tx: Tx, councilId: string, milestoneId: string) {
  const milestone = await mustFind(tx, milestones, councilId, milestoneId, 'milestoneId', 'milestone');
  const project = await mustFind(tx, projects, councilId, milestone.projectId, 'milestoneId', 'project');
  return { milestone, project };
}

/**
 * Records that a milestone is done, with its evidence: a document, a link, or a
 * record elsewhere in Fresh Start. A completion without evidence is refused, as
 * is a second completion of the same milestone.
 */
export async function completeMilestone(
  tx: Tx,
  councilId: string,
  milestoneId: string,
  input: { completedOn: string; evidenceKind: EvidenceKind | null; evidence: string | null },
  by: Actor,
  today: string,
): Promise<Milestone> {
  await lockCouncilImprovement(tx, councilId);
  const { milestone, project } = await milestoneAndProject(tx, councilId, milestoneId);
  if (milestone.completedOn !== null)
    refuse('completedOn', `This milestone was already completed on ${longDate(milestone.completedOn)}`);
  refuseIf(completionProblems(input, project, today));
  const { completedOn, evidenceKind, evidence } = input;
  return updateRecord(
    tx,
    milestoneEntity,
    milestoneId,
    { completedOn, evidenceKind, evidence },
    by,
    'complete',
  );
}

/** A standing project of the council and, when `milestoneId` is given, a standing milestone of it. */
async function projectAndMilestone(
  tx: Tx,
  councilId: string,
  projectId: string,
  milestoneId: string | null,
): Promise<{ project: Project; milestone: Milestone | null }> {
  const project = await mustFind(tx, projects, councilId, projectId, 'projectId', 'project');
  if (milestoneId === null) return { project, milestone: null };
  const milestone = await standing(tx, milestones, councilId, milestoneId);
  if (!milestone || milestone.projectId !== project.id)
    refuse('milestoneId', 'Select a milestone of this project');
  return { project, milestone };
}

export interface RebaselineInput {
  projectId: string;
  /** Null to move the project's own due date. */
  milestoneId: string | null;
  toDate: string;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

/**
 * Moves the due date of a milestone (or of the project itself), with a reason
 * and an approver. The milestone's or project's own `dueOn` is never changed:
 * the move is a re-baseline beside it, whose `fromDate` is the due date in force
 * now (the baseline, or the latest re-baseline), so every earlier date stays
 * visible. A re-baseline approved before the latest one already recorded is
 * refused: it would never be the date in force.
 */
export async function rebaseline(
  tx: Tx,
  councilId: string,
  input: RebaselineInput,
  by: Actor,
  today: string,
): Promise<Rebaseline> {
  await lockCouncilImprovement(tx, councilId);
  const { project, milestone } = await projectAndMilestone(tx, councilId, input.projectId, input.milestoneId);
  const earlier = await tx
    .select()
    .from(rebaselines)
    .where(
      and(
        eq(rebaselines.projectId, project.id),
        milestone ? eq(rebaselines.milestoneId, milestone.id) : isNull(rebaselines.milestoneId),
        isNull(rebaselines.withdrawnAt),
      ),
    )
    .orderBy(asc(rebaselines.approvedOn));
  const fromDate = dueDateOn(milestone?.dueOn ?? project.dueOn, earlier, today);
  const problems = rebaselineProblems(input, fromDate, today);
  const latest = earlier.at(-1);
  if (latest && isCalendarDate(input.approvedOn) && input.approvedOn < latest.approvedOn)
    problems.push({
      field: 'approvedOn',
      message: `The due date was last moved by a re-baseline approved on ${longDate(latest.approvedOn)}: a new one must be approved on or after that day`,
    });
  refuseIf(problems);
  const { projectId, milestoneId, ...moved } = input;
  const row = { projectId, milestoneId, fromDate, ...moved };
  return create(tx, rebaselineEntity, councilId, row, { ...by, reason: input.reason });
}

export interface ManagementActionInput {
  projectId: string;
  /** Null when the action covers the whole project. */
  milestoneId: string | null;
  action: string;
  owner: string;
  agreedOn: string;
  dueOn: string;
}

/** Records what is being done about an overdue milestone (or project), with its owner and dates. */
export async function recordManagementAction(
  tx: Tx,
  councilId: string,
  input: ManagementActionInput,
  by: Actor,
  today: string,
) {
  await lockCouncilImprovement(tx, councilId);
  await projectAndMilestone(tx, councilId, input.projectId, input.milestoneId);
  refuseIf(managementActionProblems(input, today));
  return create(tx, managementActionEntity, councilId, input, by);
}

/** Adds a note to a project. Commentary is all a person writes about progress: a status is never set. */
export async function addCommentary(
  tx: Tx,
  councilId: string,
  input: { projectId: string; writtenOn: string; author: string; body: string },
  by: Actor,
) {
  await lockCouncilImprovement(tx, councilId);
  await mustFind(tx, projects, councilId, input.projectId, 'projectId', 'project');
  refuseIf([
    ...dates(input, ['writtenOn']),
    ...required(input, { author: 'who wrote it', body: 'the commentary' }),
  ]);
  return create(tx, commentaryEntity, councilId, input, by);
}

export interface IndicatorInput {
  code: string;
  name: string;
  definition: string;
  method: string;
  source: string;
  unit: Indicator['unit'];
  polarity: Indicator['polarity'];
  frequency: Indicator['frequency'];
  firstPeriodStart: string;
  lastPeriodEnd?: string | null;
  target: number;
  tolerance: number;
  benchmark?: number | null;
  benchmarkLabel?: string | null;
  planId?: string | null;
}

/** Adds a performance indicator with its definition: what is measured, how, from where, and its target. */
export async function addIndicator(
  tx: Tx,
  councilId: string,
  input: IndicatorInput,
  by: Actor,
): Promise<Indicator> {
  await lockCouncilImprovement(tx, councilId);
  const problems = [
    ...required(input, {
      code: 'a code',
      name: 'a name',
      definition: 'what is measured',
      method: 'how it is measured',
      source: 'where the figures come from',
    }),
    ...dates(input, ['firstPeriodStart'], '', ['lastPeriodEnd']),
  ];
  const enums: [keyof IndicatorInput, readonly string[], string][] = [
    ['unit', INDICATOR_UNITS, 'Select the unit of the indicator'],
    ['polarity', POLARITIES, 'Select whether higher or lower is better'],
    ['frequency', FREQUENCIES, 'Select how often it is reported'],
  ];
  for (const [key, values, message] of enums)
    if (!oneOf(values, input[key])) problems.push({ field: key, message });
  if (!Number.isFinite(input.target))
    problems.push({ field: 'target', message: 'Enter the target as a number' });
  if (!Number.isFinite(input.tolerance) || input.tolerance < 0)
    problems.push({ field: 'tolerance', message: 'Enter the tolerance as a number, 0 or more' });
  if (input.benchmark != null && !Number.isFinite(input.benchmark))
    problems.push({ field: 'benchmark', message: 'Enter the benchmark as a number' });
  if (input.lastPeriodEnd != null && input.lastPeriodEnd < input.firstPeriodStart)
    problems.push({
      field: 'lastPeriodEnd',
      message: 'The last day reported must be after the first period starts',
    });
  if (input.planId && !(await standing(tx, plans, councilId, input.planId)))
    problems.push({ field: 'planId', message: 'Select a plan of this council' });
  const [taken] = await tx
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.councilId, councilId), eq(indicators.code, input.code)));
  if (taken) problems.push({ field: 'code', message: `The council already has an indicator ${input.code}` });
  refuseIf(problems);
  return create(tx, indicatorEntity, councilId, input, by);
}

export interface IndicatorValueInput {
  indicatorId: string;
  /** The first day of the period. */
  periodStart: string;
  value: number;
  commentary: string;
  /** The report, extract or record the value came from. */
  measure: string;
  recordedOn: string;
  /** Needed, and only read, when the period already has a value: why that value is being corrected. */
  correctionReason?: string | null;
}

/**
 * Records an indicator's value for one period, with its commentary and the
 * measure it came from; a value without either, not a number, out of range for
 * the unit, or for a day that does not start one of the indicator's periods is
 * refused. A period has one value: a second value for the same period is a
 * correction, which needs a `correctionReason` and replaces the value in place.
 * The ledger keeps the value it replaced (the entry's `before`), with the
 * reason, so the earlier figure can always be seen.
 */
export async function recordIndicatorValue(
  tx: Tx,
  councilId: string,
  input: IndicatorValueInput,
  by: Actor,
): Promise<IndicatorValue> {
  await lockCouncilImprovement(tx, councilId);
  const indicator = await mustFind(tx, indicators, councilId, input.indicatorId, 'indicatorId', 'indicator');
  const values = await tx
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicator.id), isNull(indicatorValues.withdrawnAt)))
    .orderBy(asc(indicatorValues.periodStart));
  const problems = [
    ...indicatorValueProblems({ ...indicator, values }, input),
    ...dates(input, ['recordedOn']),
  ];
  const existing = values.find((v) => v.periodStart === input.periodStart);
  if (existing && blank(input.correctionReason))
    problems.push({
      field: 'correctionReason',
      message: `A value of ${existing.value} is already recorded for this period: give the reason for correcting it`,
    });
  refuseIf(problems);
  const { value, commentary, measure, recordedOn } = input;
  if (existing)
    return updateRecord(
      tx,
      indicatorValueEntity,
      existing.id,
      { value, commentary, measure, recordedOn },
      { ...by, reason: input.correctionReason as string },
      'correct',
    );
  const { correctionReason: _, ...row } = input;
  return create(tx, indicatorValueEntity, councilId, row, by);
}

export interface PeerReviewInput {
  service: string;
  reviewedOn: string;
  reviewers: string;
  conclusion: (typeof PEER_REVIEW_CONCLUSIONS)[number];
  summary: string;
  source?: string | null;
  /** The text of each recommendation, in the review's order. */
  recommendations: readonly string[];
}

/** Records an external peer review of a service with its conclusion and recommendations. */
export async function addPeerReview(tx: Tx, councilId: string, input: PeerReviewInput, by: Actor) {
  await lockCouncilImprovement(tx, councilId);
  const problems = [
    ...required(input, {
      service: 'the service reviewed',
      reviewers: 'who carried out the review',
      summary: 'what the review concluded, in its own words',
    }),
    ...dates(input, ['reviewedOn']),
    ...input.recommendations.flatMap((text, i) =>
      blank(text)
        ? [{ field: `recommendations[${i}]`, message: 'Enter the recommendation, or remove it' }]
        : [],
    ),
  ];
  if (!oneOf(PEER_REVIEW_CONCLUSIONS, input.conclusion))
    problems.push({ field: 'conclusion', message: 'Select the review’s conclusion' });
  refuseIf(problems);
  const { recommendations: texts, ...fields } = input;
  const peerReview = await create(tx, peerReviewEntity, councilId, fields, by);
  const recommendations: Recommendation[] = [];
  for (const text of texts)
    recommendations.push(
      await create(tx, recommendationEntity, councilId, { peerReviewId: peerReview.id, text }, by),
    );
  return { peerReview, recommendations };
}

/**
 * Turns a peer review's recommendation into action: adds `item` as a project of
 * the plan (with the recycled-plan check, as `addProject`) and links the
 * recommendation to it. A recommendation already on a plan is refused.
 * Problems with the item are named `item.` + its key.
 */
export async function actOnRecommendation(
  tx: Tx,
  councilId: string,
  recommendationId: string,
  input: { planId: string; item: ProjectInput },
  by: Actor,
): Promise<AddedProject & { recommendation: Recommendation }> {
  await lockCouncilImprovement(tx, councilId);
  const recommendation = await mustFind(
    tx,
    peerReviewRecommendations,
    councilId,
    recommendationId,
    'recommendationId',
    'recommendation',
  );
  if (recommendation.projectId !== null)
    refuse('recommendationId', 'This recommendation is already carried out by a project on a plan');
  const plan = await mustFind(tx, plans, councilId, input.planId, 'planId', 'plan');
  const added = await addProjectLocked(tx, councilId, plan, input.item, by, 'item.');
  const linked = await updateRecord(
    tx,
    recommendationEntity,
    recommendation.id,
    { projectId: added.project.id },
    by,
    'act',
  );
  return { ...added, recommendation: linked };
}

/** Adds a board that oversees projects, with its chair when that is a person of the council's record. */
export async function addBoard(
  tx: Tx,
  councilId: string,
  input: { name: string; chairPersonId?: string | null },
  by: Actor,
): Promise<Board> {
  await lockCouncilImprovement(tx, councilId);
  const problems = required(input, { name: 'the name of the board' });
  if (input.chairPersonId && !(await standing(tx, people, councilId, input.chairPersonId)))
    problems.push({ field: 'chairPersonId', message: 'Select a person of this council as chair' });
  refuseIf(problems);
  return create(tx, boardEntity, councilId, input, by);
}
