/*
 * Builders of Improvement facts for the rules' tests: each gives a complete
 * value with plain defaults, and a test states only what it is about.
 */

import type {
  IndicatorFacts,
  ManagementActionFacts,
  MilestoneFacts,
  ProjectFacts,
  RebaselineFacts,
} from './types.ts';

/** A milestone due on 30 September 2015, not yet done. */
export const milestone = (o: Partial<MilestoneFacts> & { id: string }): MilestoneFacts => ({
  title: `Milestone ${o.id}`,
  dueOn: '2015-09-30',
  completedOn: null,
  evidenceKind: null,
  evidence: null,
  ...o,
});

/** A milestone done on `completedOn` with a document as evidence. */
export const doneMilestone = (
  o: Partial<MilestoneFacts> & { id: string; completedOn: string },
): MilestoneFacts =>
  milestone({ evidenceKind: 'document', evidence: 'Improvement Board minutes, item 4', ...o });

/** A re-baseline of a milestone (or of the project, when `milestoneId` is null). */
export const rebaseline = (
  o: Partial<RebaselineFacts> & Pick<RebaselineFacts, 'id' | 'milestoneId' | 'fromDate' | 'toDate'>,
): RebaselineFacts => ({
  reason: 'Waiting for the new case management system',
  approvedBy: 'Lead Commissioner',
  approvedOn: o.fromDate,
  ...o,
});

/** A management action agreed on 1 October 2015, due on 30 November 2015. */
export const managementAction = (
  o: Partial<ManagementActionFacts> & Pick<ManagementActionFacts, 'id' | 'milestoneId'>,
): ManagementActionFacts => ({
  action: 'Recruit two agency social workers to clear the backlog',
  owner: 'Director of Children’s Services',
  agreedOn: '2015-10-01',
  dueOn: '2015-11-30',
  ...o,
});

/** A project running from 1 April 2015 to 31 March 2016, with no milestones unless given. */
export const project = (o: Partial<ProjectFacts> & { id: string }): ProjectFacts => ({
  ref: `P-${o.id}`,
  title: `Project ${o.id}`,
  startOn: '2015-04-01',
  dueOn: '2016-03-31',
  milestones: [],
  rebaselines: [],
  actions: [],
  ...o,
});

/** A quarterly indicator, lower is better, from 1 April 2015 with a target of 10% and tolerance of 2. */
export const indicator = (o: Partial<IndicatorFacts> & { id?: string } = {}): IndicatorFacts => ({
  id: 'neet-not-known',
  unit: 'percent',
  polarity: 'lower_is_better',
  frequency: 'quarterly',
  firstPeriodStart: '2015-04-01',
  lastPeriodEnd: null,
  target: 10,
  tolerance: 2,
  values: [],
  ...o,
});
