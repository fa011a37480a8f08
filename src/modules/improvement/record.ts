import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '#src/db/client.ts';
import { type ActionDates, doneDate, type MilestoneDates } from './rules/status.ts';
import type { SummaryFacts } from './rules/summary.ts';
import type { ManagementActionFacts, MilestoneFacts, ProjectFacts, RebaselineFacts } from './rules/types.ts';
import {
  improvementBoards,
  indicators,
  indicatorValues,
  managementActions,
  milestones,
  peerReviewRecommendations,
  peerReviews,
  plans,
  projectCommentary,
  projects,
  rebaselines,
  recycledItems,
  workstreams,
} from './schema.ts';

/*
 * The Improvement module's reads: plain records of a council that have not been
 * withdrawn, shaped as the rules take them (ProjectFacts) with what pages show
 * beside them. A plan is read with one statement per table, each filtered by
 * the plan, so that a plan of 10,000 projects and 100,000 milestones costs six
 * statements, not one per project.
 */

export type Plan = typeof plans.$inferSelect;
export type Workstream = typeof workstreams.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
export type Commentary = typeof projectCommentary.$inferSelect;
export type PeerReview = typeof peerReviews.$inferSelect;

/** A project of a plan as the rules take it, with the fields its pages show. */
export interface PlanProject extends ProjectFacts {
  planId: string;
  workstreamId: string | null;
  description: string | null;
  accountableOfficer: string;
  leadMemberPersonId: string | null;
  boardId: string | null;
}

/** A plan with its workstreams (in order) and its projects (in order of reference). */
export interface PlanRecord {
  plan: Plan;
  workstreams: Workstream[];
  projects: PlanProject[];
}

/**
 * A project of a plan as its board summary, its list of projects and its CSV
 * read it: what the status rules take (rules/status.ts), its milestones lean
 * (their evidence already reduced to the day they were done) and its actions
 * without their text; re-baselines in full, as the summary lists them.
 */
export interface SummaryProject extends SummaryFacts {
  workstreamId: string | null;
  milestones: MilestoneDates[];
  rebaselines: RebaselineFacts[];
  actions: ActionDates[];
}

/** A plan as its board summary reads it: with its workstreams (in order) and lean projects (in order of reference). */
export interface PlanSummaryRecord {
  plan: Plan;
  workstreams: Workstream[];
  projects: SummaryProject[];
}

/** A plan in the council's list, with how many items it has and how many repeat an earlier plan's. */
export interface PlanListing extends Plan {
  projects: number;
  recycled: number;
}

/** Runs `read` in one consistent, read-only snapshot of the database. */
export function snapshot<T>(db: Tx, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** References in the order people read them: "P2" before "P10". */
const byRef = new Intl.Collator('en-GB', { numeric: true }).compare;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be a record's id; anything else names no record (and would be refused by PostgreSQL). */
export const isRecordId = (id: string): boolean => UUID.test(id);

/** The council's standing plans, newest first, each with its number of items and of recycled flags. */
export async function plansOf(tx: Tx, councilId: string): Promise<PlanListing[]> {
  const rows = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.councilId, councilId), isNull(plans.withdrawnAt)))
    .orderBy(desc(plans.adoptedOn), asc(plans.title));
  const items = await tx
    .select({ planId: projects.planId, n: count() })
    .from(projects)
    .where(and(eq(projects.councilId, councilId), isNull(projects.withdrawnAt)))
    .groupBy(projects.planId);
  const flagged = await tx
    .select({ planId: projects.planId, n: count() })
    .from(recycledItems)
    .innerJoin(projects, eq(projects.id, recycledItems.projectId))
    .where(and(eq(recycledItems.councilId, councilId), isNull(recycledItems.withdrawnAt)))
    .groupBy(projects.planId);
  const itemCount = new Map(items.map((r) => [r.planId, Number(r.n)]));
  const flagCount = new Map(flagged.map((r) => [r.planId, Number(r.n)]));
  return rows.map((p) => ({ ...p, projects: itemCount.get(p.id) ?? 0, recycled: flagCount.get(p.id) ?? 0 }));
}

/**
 * The standing rows of one of the plan's child tables (`m`), grouped by their
 * standing project, each group one JSON array of arrays in the order given.
 * PostgreSQL builds the arrays; one JSON text per project is far cheaper for
 * both drivers to hand over and for Node to read than a row per milestone
 * (a third of the time on PostgreSQL, a quarter on PGlite, for 100,000).
 */
function childrenByProject(table: string, columns: string, order: string, councilId: string, planId: string) {
  return sql`select m.project_id as "projectId", json_agg(json_build_array(${sql.raw(columns)})${sql.raw(order)})::text as "rows"
    from ${sql.raw(table)} m join projects p on p.id = m.project_id
    where p.plan_id = ${planId} and p.council_id = ${councilId} and p.withdrawn_at is null and m.withdrawn_at is null
    group by m.project_id`;
}

/** The JSON arrays of `childrenByProject`, as a map from project id to rows made by `make`. */
async function readChildren<R, T>(tx: Tx, query: SQL, make: (row: R) => T): Promise<Map<string, T[]>> {
  const rows = await queryRows<{ projectId: string; rows: string }>(tx, query);
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.projectId, (JSON.parse(r.rows) as R[]).map(make));
  return map;
}

const NONE: never[] = [];

/** Whether milestones are already in plan order, as they almost always come: each placed after the one before. */
function inPlanOrder(list: readonly { position: number }[]): boolean {
  for (let i = 1; i < list.length; i++)
    if ((list[i] as { position: number }).position <= (list[i - 1] as { position: number }).position)
      return false;
  return true;
}

/** Plan order: by position and, of two in one place, by id, so that every reader gives the same order. */
const byPosition = (a: { position: number; id: string }, b: { position: number; id: string }) =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The council's newest ledger entry, as `seq:hash`. Every change to a council's
 * records writes its ledger entry in the same transaction, so records read
 * while the head is H are the records of H; the hash, not only the number,
 * names it, so that a head rolled back and another appended in its place can
 * never be mistaken for it.
 */
async function councilHead(tx: Tx, councilId: string): Promise<string> {
  const [row] = await queryRows<{ seq: string | number; hash: string }>(
    tx,
    sql`select seq, hash from ledger_entries where council_id = ${councilId} order by seq desc limit 1`,
  );
  return row ? `${row.seq}:${row.hash}` : 'none';
}

/** Plans read lately, by council, plan and the council's ledger head; the oldest is dropped past MOST_KEPT. */
const recentPlans = new Map<string, PlanRecord>();
/** Plans read lately for their summaries, kept as `recentPlans` are. */
const recentSummaries = new Map<string, PlanSummaryRecord>();
const MOST_KEPT = 4;

/** `read` of the plan, or what it gave while the council's ledger head stood where it stands now. */
async function keptWhileHeadStands<T>(
  kept: Map<string, T>,
  tx: Tx,
  councilId: string,
  planId: string,
  read: (tx: Tx, councilId: string, planId: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  if (!isRecordId(planId)) return undefined;
  const key = `${councilId}:${planId}:${await councilHead(tx, councilId)}`;
  const found = kept.get(key);
  if (found) {
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const record = await read(tx, councilId, planId);
  if (record) {
    kept.set(key, record);
    if (kept.size > MOST_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return record;
}

/**
 * A plan of the council with its workstreams and its standing projects, each
 * with its milestones (in plan order), re-baselines (in order of approval) and
 * management actions (in order of agreement) as the rules take them
 * (rules/types.ts); undefined when the council has no such standing plan.
 *
 * Six statements however large the plan. The answer is kept while the
 * council's ledger head stays where it was (any change to its records moves
 * it), so asking again, for another date or another page, costs one indexed
 * look-up of the head. What it returns is shared: read it, never change it.
 * A board summary needs less: readPlanSummary.
 */
export function readPlan(tx: Tx, councilId: string, planId: string): Promise<PlanRecord | undefined> {
  return keptWhileHeadStands(recentPlans, tx, councilId, planId, readPlanRecords);
}

/**
 * A plan of the council as its board summary, its list of projects and its CSV
 * read it (PlanSummaryRecord); undefined when the council has no such standing
 * plan. Kept as readPlan's answers are, and shared alike: read it, never
 * change it.
 *
 * @example const summary = boardSummary((await readPlanSummary(tx, councilId, planId)).projects, on, period)
 */
export function readPlanSummary(
  tx: Tx,
  councilId: string,
  planId: string,
): Promise<PlanSummaryRecord | undefined> {
  return keptWhileHeadStands(recentSummaries, tx, councilId, planId, readPlanSummaryRecords);
}

/** A plan as readPlan gives it, read afresh: six statements, one per table. */
export async function readPlanRecords(
  tx: Tx,
  councilId: string,
  planId: string,
): Promise<PlanRecord | undefined> {
  if (!isRecordId(planId)) return undefined;
  const head = await planAndWorkstreams(tx, councilId, planId);
  if (!head) return undefined;
  // Dates as text: both drivers then give the calendar date as written, never a Date in some time zone.
  const projectRows = await queryRows<Omit<PlanProject, 'milestones' | 'rebaselines' | 'actions'>>(
    tx,
    sql`select id, plan_id as "planId", workstream_id as "workstreamId", ref, title, description,
      accountable_officer as "accountableOfficer", lead_member_person_id as "leadMemberPersonId",
      board_id as "boardId", start_on::text as "startOn", due_on::text as "dueOn"
    from projects where plan_id = ${planId} and council_id = ${councilId} and withdrawn_at is null`,
  );
  const milestonesOf = await readChildren(
    tx,
    childrenByProject(
      'milestones',
      'm.id, m.title, m.due_on, m.completed_on, m.evidence_kind, m.evidence, m.position',
      '',
      councilId,
      planId,
    ),
    ([id, title, dueOn, completedOn, evidenceKind, evidence, position]: [
      string,
      string,
      string,
      string | null,
      MilestoneFacts['evidenceKind'],
      string | null,
      number,
    ]): MilestoneFacts & { position: number } => ({
      id,
      title,
      dueOn,
      completedOn,
      evidenceKind,
      evidence,
      position,
    }),
  );
  const movesOf = await readChildren(
    tx,
    childrenByProject(
      'rebaselines',
      'm.id, m.milestone_id, m.from_date, m.to_date, m.reason, m.approved_by, m.approved_on',
      ' order by m.approved_on, m.id',
      councilId,
      planId,
    ),
    ([id, milestoneId, fromDate, toDate, reason, approvedBy, approvedOn]: [
      string,
      string | null,
      string,
      string,
      string,
      string,
      string,
    ]): RebaselineFacts => ({
      id,
      milestoneId,
      fromDate,
      toDate,
      reason,
      approvedBy,
      approvedOn,
    }),
  );
  const actionsOf = await readChildren(
    tx,
    childrenByProject(
      'management_actions',
      'm.id, m.milestone_id, m.action, m.owner, m.agreed_on, m.due_on',
      ' order by m.agreed_on, m.id',
      councilId,
      planId,
    ),
    ([id, milestoneId, action, owner, agreedOn, dueOn]: [
      string,
      string | null,
      string,
      string,
      string,
      string,
    ]): ManagementActionFacts => ({
      id,
      milestoneId,
      action,
      owner,
      agreedOn,
      dueOn,
    }),
  );
  const list: PlanProject[] = projectRows.map((p) => {
    const ms = milestonesOf.get(p.id);
    // Plan order is put right here, a project's few at a time, rather than by the server across them all.
    if (ms && !inPlanOrder(ms)) ms.sort(byPosition);
    return {
      ...p,
      milestones: ms ?? NONE,
      rebaselines: movesOf.get(p.id) ?? NONE,
      actions: actionsOf.get(p.id) ?? NONE,
    };
  });
  list.sort((a, b) => byRef(a.ref, b.ref));
  return { ...head, projects: list };
}

/** The plan itself and its workstreams, as both readers give them; undefined when there is no such standing plan. */
async function planAndWorkstreams(tx: Tx, councilId: string, planId: string) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.councilId, councilId), isNull(plans.withdrawnAt)));
  if (!plan) return undefined;
  const streams = await tx
    .select()
    .from(workstreams)
    .where(
      and(
        eq(workstreams.planId, planId),
        eq(workstreams.councilId, councilId),
        isNull(workstreams.withdrawnAt),
      ),
    )
    .orderBy(asc(workstreams.position));
  return { plan, workstreams: streams };
}

/*
 * How the summary's reader has PostgreSQL write a milestone, in one text per
 * project (milestones separated by commas): its position and a full stop, its
 * id (36 characters), its due date as a day number (days since 1 January 1970),
 * then what says whether it was done:
 *   -         not completed, or completed without a kind of evidence or any evidence;
 *   +D        completed on day D, with a kind of evidence and evidence that begins with
 *             a printable ASCII character, so is surely not blank;
 *   ?D:HEX    completed on day D with evidence that may be blank (it begins with a space,
 *             or with anything beyond ASCII), HEX being the evidence's UTF-8 bytes: the
 *             rule itself (doneDate) then decides, in Node.
 * One text per project, built by an indexed look-up per project, is far cheaper
 * for both drivers to hand over, and for Node to read, than a row per milestone
 * or a JSON object for each; and day numbers, which Node writes as dates once
 * for each day, save making a string for every date of every milestone.
 */
const MILESTONE_TEXT =
  sql.raw(`m.position::text || '.' || m.id::text || (m.due_on - date '1970-01-01')::text ||
  case
    when m.completed_on is null or m.evidence_kind is null or m.evidence is null then '-'
    when ascii(m.evidence) between 33 and 126 then '+' || (m.completed_on - date '1970-01-01')::text
    else '?' || (m.completed_on - date '1970-01-01')::text || ':' || encode(convert_to(m.evidence, 'UTF8'), 'hex')
  end`);

const DAY_MS = 86_400_000;

/** Reads MILESTONE_TEXT, writing each day number as its date (YYYY-MM-DD) once. */
class MilestoneReader {
  private readonly dates = new Map<number, string>();
  private text = '';
  private at = 0;

  /** The date of day number `day`. */
  private date(day: number): string {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dates.set(day, date);
    }
    return date;
  }

  /** The whole number (perhaps after a minus) at the reading place, read up to the first other character. */
  private number(): number {
    const text = this.text;
    let at = this.at;
    const negative = text.charCodeAt(at) === 45;
    if (negative) at++;
    let n = 0;
    for (let c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(++at)) n = n * 10 + (c - 48);
    this.at = at;
    return negative ? -n : n;
  }

  /** The milestones of one project, in plan order. */
  milestones(text: string | null): MilestoneDates[] {
    const list: MilestoneDates[] = [];
    if (!text) return list;
    this.text = text;
    this.at = 0;
    const positions: number[] = [];
    let inOrder = true;
    while (this.at < text.length) {
      const position = this.number();
      const id = text.slice(this.at + 1, this.at + 37); // after the full stop
      this.at += 37;
      const dueOn = this.date(this.number());
      const mark = text.charCodeAt(this.at++);
      let doneOn: string | null = null;
      if (mark === 43 /* + */) doneOn = this.date(this.number());
      else if (mark === 63 /* ? */) {
        // Evidence that may be blank: the rule itself decides, on the evidence read back from its hex.
        const completedOn = this.date(this.number());
        let end = text.indexOf(',', this.at);
        if (end < 0) end = text.length;
        const evidence = Buffer.from(text.slice(this.at + 1, end), 'hex').toString('utf8');
        doneOn = doneDate({ id, title: '', dueOn, completedOn, evidenceKind: 'document', evidence });
        this.at = end;
      }
      this.at++; // the comma
      if (positions.length > 0 && position <= (positions[positions.length - 1] as number)) inOrder = false;
      positions.push(position);
      list.push({ id, dueOn, doneOn });
    }
    if (inOrder) return list;
    // Plan order is put right here, a project's few at a time, rather than by the server across them all.
    return Array.from(list.keys())
      .sort((a, b) =>
        byPosition(
          { position: positions[a] as number, id: (list[a] as MilestoneDates).id },
          { position: positions[b] as number, id: (list[b] as MilestoneDates).id },
        ),
      )
      .map((k) => list[k] as MilestoneDates);
  }
}

/** Rows of one of a plan's child tables with the project they belong to, grouped by project in the order read. */
async function childRows<T extends { projectId: string }>(
  tx: Tx,
  query: SQL,
): Promise<Map<string, Omit<T, 'projectId'>[]>> {
  const map = new Map<string, Omit<T, 'projectId'>[]>();
  for (const { projectId, ...row } of await queryRows<T>(tx, query)) {
    const list = map.get(projectId);
    if (list) list.push(row);
    else map.set(projectId, [row]);
  }
  return map;
}

/**
 * A plan as readPlanSummary gives it, read afresh: four statements however
 * large the plan. Each project comes with its milestones in plan order (lean:
 * MilestoneDates), its re-baselines in order of approval and its actions in
 * order of agreement (their ids, milestones and dates), all standing; the
 * statuses, summary and rows derived from it are those derived from readPlan's.
 */
export async function readPlanSummaryRecords(
  tx: Tx,
  councilId: string,
  planId: string,
): Promise<PlanSummaryRecord | undefined> {
  if (!isRecordId(planId)) return undefined;
  const head = await planAndWorkstreams(tx, councilId, planId);
  if (!head) return undefined;
  const rows = await queryRows<
    Omit<SummaryProject, 'milestones' | 'rebaselines' | 'actions'> & { ms: string | null }
  >(
    tx,
    sql`select p.id, p.workstream_id as "workstreamId", p.ref, p.title,
      p.start_on::text as "startOn", p.due_on::text as "dueOn",
      (select string_agg(${MILESTONE_TEXT}, ',') from milestones m
        where m.project_id = p.id and m.withdrawn_at is null) as ms
    from projects p where p.plan_id = ${planId} and p.council_id = ${councilId} and p.withdrawn_at is null
    order by p.ref`,
  );
  const ofPlan = sql`join projects p on p.id = m.project_id
    where p.plan_id = ${planId} and p.council_id = ${councilId} and p.withdrawn_at is null and m.withdrawn_at is null`;
  const movesOf = await childRows<RebaselineFacts & { projectId: string }>(
    tx,
    sql`select m.project_id as "projectId", m.id, m.milestone_id as "milestoneId",
      m.from_date::text as "fromDate", m.to_date::text as "toDate", m.reason,
      m.approved_by as "approvedBy", m.approved_on::text as "approvedOn"
    from rebaselines m ${ofPlan} order by m.approved_on, m.id`,
  );
  const actionsOf = await childRows<ActionDates & { projectId: string }>(
    tx,
    sql`select m.project_id as "projectId", m.id, m.milestone_id as "milestoneId",
      m.agreed_on::text as "agreedOn", m.due_on::text as "dueOn"
    from management_actions m ${ofPlan} order by m.agreed_on, m.id`,
  );
  const reader = new MilestoneReader();
  const list: SummaryProject[] = rows.map((p) => ({
    id: p.id,
    workstreamId: p.workstreamId,
    ref: p.ref,
    title: p.title,
    startOn: p.startOn,
    dueOn: p.dueOn,
    milestones: reader.milestones(p.ms),
    rebaselines: movesOf.get(p.id) ?? [],
    actions: actionsOf.get(p.id) ?? [],
  }));
  // In the server's order of references, which is mostly byRef's already: little is left to do.
  list.sort((a, b) => byRef(a.ref, b.ref));
  return { ...head, projects: list };
}

/**
 * The titles of the council's standing milestones among `ids`, by id: what a
 * page shows beside the few milestones of a summary it lists.
 */
export async function milestoneTitles(
  tx: Tx,
  councilId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter(isRecordId);
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: milestones.id, title: milestones.title })
    .from(milestones)
    .where(
      and(
        inArray(milestones.id, wanted),
        eq(milestones.councilId, councilId),
        isNull(milestones.withdrawnAt),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** A milestone with everything recorded about it. */
export type MilestoneRecord = typeof milestones.$inferSelect;

/** An item of a plan that repeats an earlier plan's item, with both items and their plans. */
export interface RecycledFlag {
  id: string;
  similarity: number;
  method: string;
  checkedOn: string;
  item: { id: string; ref: string; title: string; planId: string; planTitle: string; adoptedOn: string };
  earlier: { id: string; ref: string; title: string; planId: string; planTitle: string; adoptedOn: string };
}

/**
 * The council's recycled-plan flags, in order of the later plan and item: each
 * item that repeats an item of an earlier plan that was not completed, with
 * both items, their plans and how similar they are. Filtered to the flags
 * raised on a plan's items (`planId`), or about one project either way
 * (`projectId`: as the later or the earlier item).
 */
export async function recycledFlagsOf(
  tx: Tx,
  councilId: string,
  filter: { planId?: string; projectId?: string } = {},
): Promise<RecycledFlag[]> {
  const earlier = alias(projects, 'earlier_project');
  const earlierPlan = alias(plans, 'earlier_plan');
  const conditions = [eq(recycledItems.councilId, councilId), isNull(recycledItems.withdrawnAt)];
  if (filter.planId) conditions.push(eq(projects.planId, filter.planId));
  if (filter.projectId) {
    const either = or(
      eq(recycledItems.projectId, filter.projectId),
      eq(recycledItems.earlierProjectId, filter.projectId),
    );
    if (either) conditions.push(either);
  }
  const rows = await tx
    .select({
      id: recycledItems.id,
      similarity: recycledItems.similarity,
      method: recycledItems.method,
      checkedOn: recycledItems.checkedOn,
      item: {
        id: projects.id,
        ref: projects.ref,
        title: projects.title,
        planId: plans.id,
        planTitle: plans.title,
        adoptedOn: plans.adoptedOn,
      },
      earlier: {
        id: earlier.id,
        ref: earlier.ref,
        title: earlier.title,
        planId: earlierPlan.id,
        planTitle: earlierPlan.title,
        adoptedOn: earlierPlan.adoptedOn,
      },
    })
    .from(recycledItems)
    .innerJoin(projects, eq(projects.id, recycledItems.projectId))
    .innerJoin(plans, eq(plans.id, projects.planId))
    .innerJoin(earlier, eq(earlier.id, recycledItems.earlierProjectId))
    .innerJoin(earlierPlan, eq(earlierPlan.id, earlier.planId))
    .where(and(...conditions));
  return rows.sort(
    (a, b) =>
      b.item.adoptedOn.localeCompare(a.item.adoptedOn) ||
      a.item.planTitle.localeCompare(b.item.planTitle) ||
      byRef(a.item.ref, b.item.ref),
  );
}

/** Everything recorded about one project, for its page. */
export interface ProjectRecord {
  plan: Plan;
  workstream: Workstream | undefined;
  board: typeof improvementBoards.$inferSelect | undefined;
  /** The project as the rules take it, with its fields. */
  facts: PlanProject;
  milestones: MilestoneRecord[];
  commentary: Commentary[];
  recycled: RecycledFlag[];
  /** The peer review recommendations it carries out. */
  recommendations: { id: string; text: string; peerReviewId: string; service: string; reviewedOn: string }[];
}

/** A standing project of the council with everything recorded about it; undefined when there is none. */
export async function readProject(
  tx: Tx,
  councilId: string,
  projectId: string,
): Promise<ProjectRecord | undefined> {
  if (!isRecordId(projectId)) return undefined;
  const [project] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.councilId, councilId), isNull(projects.withdrawnAt)));
  if (!project) return undefined;
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, project.planId), isNull(plans.withdrawnAt)));
  if (!plan) return undefined;
  const own = (t: { projectId: PgColumn; withdrawnAt: PgColumn }) =>
    and(eq(t.projectId, project.id), isNull(t.withdrawnAt));
  const milestoneRows = await tx
    .select()
    .from(milestones)
    .where(own(milestones))
    .orderBy(asc(milestones.position), asc(milestones.id));
  const moves = await tx
    .select()
    .from(rebaselines)
    .where(own(rebaselines))
    .orderBy(asc(rebaselines.approvedOn), asc(rebaselines.id));
  const actions = await tx
    .select()
    .from(managementActions)
    .where(own(managementActions))
    .orderBy(asc(managementActions.agreedOn), asc(managementActions.id));
  const commentary = await tx
    .select()
    .from(projectCommentary)
    .where(own(projectCommentary))
    .orderBy(asc(projectCommentary.writtenOn));
  const [workstream] = project.workstreamId
    ? await tx.select().from(workstreams).where(eq(workstreams.id, project.workstreamId))
    : [];
  const [board] = project.boardId
    ? await tx.select().from(improvementBoards).where(eq(improvementBoards.id, project.boardId))
    : [];
  const recommendations = await tx
    .select({
      id: peerReviewRecommendations.id,
      text: peerReviewRecommendations.text,
      peerReviewId: peerReviews.id,
      service: peerReviews.service,
      reviewedOn: peerReviews.reviewedOn,
    })
    .from(peerReviewRecommendations)
    .innerJoin(peerReviews, eq(peerReviews.id, peerReviewRecommendations.peerReviewId))
    .where(
      and(eq(peerReviewRecommendations.projectId, project.id), isNull(peerReviewRecommendations.withdrawnAt)),
    );
  const facts: PlanProject = {
    id: project.id,
    planId: project.planId,
    workstreamId: project.workstreamId,
    ref: project.ref,
    title: project.title,
    description: project.description,
    accountableOfficer: project.accountableOfficer,
    leadMemberPersonId: project.leadMemberPersonId,
    boardId: project.boardId,
    startOn: project.startOn,
    dueOn: project.dueOn,
    milestones: milestoneRows,
    rebaselines: moves,
    actions,
  };
  return {
    plan,
    workstream: workstream?.withdrawnAt ? undefined : workstream,
    board: board?.withdrawnAt ? undefined : board,
    facts,
    milestones: milestoneRows,
    commentary,
    recycled: await recycledFlagsOf(tx, councilId, { projectId: project.id }),
    recommendations,
  };
}

/** An indicator with its standing values, oldest period first. */
export interface IndicatorRecord extends Indicator {
  values: IndicatorValue[];
}

/**
 * The council's standing indicators, in order of code, each with its values;
 * only those linked to one plan (`planId`), or one indicator (`indicatorId`).
 */
export async function indicatorsOf(
  tx: Tx,
  councilId: string,
  filter: { planId?: string; indicatorId?: string } = {},
): Promise<IndicatorRecord[]> {
  if (filter.indicatorId !== undefined && !isRecordId(filter.indicatorId)) return [];
  if (filter.planId !== undefined && !isRecordId(filter.planId)) return [];
  const conditions = [eq(indicators.councilId, councilId), isNull(indicators.withdrawnAt)];
  if (filter.planId) conditions.push(eq(indicators.planId, filter.planId));
  if (filter.indicatorId) conditions.push(eq(indicators.id, filter.indicatorId));
  const rows = await tx
    .select()
    .from(indicators)
    .where(and(...conditions))
    .orderBy(asc(indicators.code));
  if (rows.length === 0) return [];
  const values = await tx
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.councilId, councilId),
        inArray(
          indicatorValues.indicatorId,
          rows.map((r) => r.id),
        ),
        isNull(indicatorValues.withdrawnAt),
      ),
    )
    .orderBy(asc(indicatorValues.periodStart));
  const of = new Map<string, IndicatorValue[]>(rows.map((r) => [r.id, []]));
  for (const v of values) of.get(v.indicatorId)?.push(v);
  return rows.map((r) => ({ ...r, values: of.get(r.id) ?? [] }));
}

/** A peer review with its recommendations, each with the project that carries it out (if any). */
export interface PeerReviewRecord extends PeerReview {
  recommendations: {
    id: string;
    text: string;
    project: { id: string; ref: string; title: string; planId: string; planTitle: string } | null;
  }[];
}

/** The council's standing peer reviews, oldest first (or only `peerReviewId`), with their recommendations. */
export async function peerReviewsOf(
  tx: Tx,
  councilId: string,
  filter: { peerReviewId?: string } = {},
): Promise<PeerReviewRecord[]> {
  if (filter.peerReviewId !== undefined && !isRecordId(filter.peerReviewId)) return [];
  const conditions = [eq(peerReviews.councilId, councilId), isNull(peerReviews.withdrawnAt)];
  if (filter.peerReviewId) conditions.push(eq(peerReviews.id, filter.peerReviewId));
  const reviews = await tx
    .select()
    .from(peerReviews)
    .where(and(...conditions))
    .orderBy(asc(peerReviews.reviewedOn), asc(peerReviews.service));
  if (reviews.length === 0) return [];
  const rows = await tx
    .select({
      id: peerReviewRecommendations.id,
      peerReviewId: peerReviewRecommendations.peerReviewId,
      text: peerReviewRecommendations.text,
      projectId: projects.id,
      ref: projects.ref,
      title: projects.title,
      planId: plans.id,
      planTitle: plans.title,
    })
    .from(peerReviewRecommendations)
    .leftJoin(
      projects,
      and(eq(projects.id, peerReviewRecommendations.projectId), isNull(projects.withdrawnAt)),
    )
    .leftJoin(plans, eq(plans.id, projects.planId))
    .where(
      and(
        eq(peerReviewRecommendations.councilId, councilId),
        inArray(
          peerReviewRecommendations.peerReviewId,
          reviews.map((r) => r.id),
        ),
        isNull(peerReviewRecommendations.withdrawnAt),
      ),
    )
    .orderBy(asc(peerReviewRecommendations.id));
  return reviews.map((r) => ({
    ...r,
    recommendations: rows
      .filter((x) => x.peerReviewId === r.id)
      .map((x) => ({
        id: x.id,
        text: x.text,
        project:
          x.projectId && x.ref && x.title && x.planId && x.planTitle
            ? { id: x.projectId, ref: x.ref, title: x.title, planId: x.planId, planTitle: x.planTitle }
            : null,
      })),
  }));
}
