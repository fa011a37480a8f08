/*
 * The demo council's Improvement records, built from the seed documents: the
 * two all-party Improvement Boards, the Fresh Start Improvement Plan whose 132
 * projects derive, at 31 October 2015, to seed 001's figures; the five LGA peer
 * reviews; the NEET and overspend indicators; and the 2006 and 2008 CSE action
 * plans of seed 003, the second recycling the first. Whatever the seeds do not
 * give is marked illustrative where it is recorded.
 */
import { stableId } from './ids.ts';
import { commentaryOf } from './improvement-commentary.ts';
import { csePlans } from './improvement-cse-plans.ts';
import { indicatorsOf } from './improvement-indicators.ts';
import { type ImprovementSection, type Lead, NOT_WITHDRAWN } from './improvement-model.ts';
import { peerReviewsOf } from './improvement-peer-reviews.ts';
import { FRESH_START_PLAN_ID, freshStartPlan } from './improvement-plan.ts';
import { ADULT_CARE } from './improvement-projects-adults.ts';
import { CHILDREN } from './improvement-projects-children.ts';
import { EXPLOITATION } from './improvement-projects-exploitation.ts';
import { GOVERNANCE, PUBLIC_TRUST } from './improvement-projects-governance.ts';
import { FINANCE, WORKFORCE } from './improvement-projects-resources.ts';
import { LICENSING, SERVICES } from './improvement-projects-services.ts';
import type { KnownPerson } from './powers-model.ts';
import { castOf } from './powers-people.ts';

export type { ImprovementSection } from './improvement-model.ts';
export { FRESH_START_PLAN_ID } from './improvement-plan.ts';

/** The Fresh Start plan's workstreams, in the plan's order. */
export const WORKSTREAMS = [
  GOVERNANCE,
  CHILDREN,
  EXPLOITATION,
  LICENSING,
  FINANCE,
  WORKFORCE,
  SERVICES,
  ADULT_CARE,
  PUBLIC_TRUST,
];

/**
 * The demo's Improvement section. `people` are the bundle's people, the Powers
 * ones among them (the boards' chairs and the projects' lead members are found
 * there); `decisions` the Powers decisions, some of which evidence a milestone.
 * Deterministic: the same people and decisions give the same records, with the
 * same ids.
 *
 * @example
 *   const improvement = buildImprovement(people, powers.powers.decisions);
 */
export function buildImprovement(
  people: KnownPerson[],
  decisions: readonly { id: string; title: string; decidedOn: string }[],
): ImprovementSection {
  const cast = castOf(people);
  const leads: Record<Lead, string> = {
    myers: cast.myers,
    manzie: cast.manzie,
    ney: cast.neyLicensing,
    newsam: cast.newsam,
    ...cast.members,
  };
  const board = (key: string, name: string, chairPersonId: string) => ({
    id: stableId(`improvement:board:${key}`),
    name,
    chairPersonId,
    ...NOT_WITHDRAWN,
  });
  const boards = [
    board('improvement', 'Improvement Board', cast.myers),
    board('children', 'Children, Young People and Families Improvement Board', cast.newsam),
  ];
  const [council, children] = boards as [(typeof boards)[number], (typeof boards)[number]];
  const plan = freshStartPlan(WORKSTREAMS, { leads, boards: { council, children }, decisions });
  const cse = csePlans();
  const reviews = peerReviewsOf(plan.projects);
  const measured = indicatorsOf(FRESH_START_PLAN_ID);
  return {
    boards,
    plans: [...cse.plans, ...plan.plans],
    workstreams: plan.workstreams,
    projects: [...cse.projects, ...plan.projects],
    milestones: [...cse.milestones, ...plan.milestones],
    rebaselines: plan.rebaselines,
    managementActions: plan.managementActions,
    commentary: commentaryOf(plan.projects),
    indicators: measured.indicators,
    indicatorValues: measured.indicatorValues,
    peerReviews: reviews.peerReviews,
    recommendations: reviews.recommendations,
  };
}
