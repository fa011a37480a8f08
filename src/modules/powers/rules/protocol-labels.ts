import type { Criterion, RestorationStep } from '../schema.ts';

/** The steps of the restoration protocol (seed 001, Appendix A) as GOV.UK pages name them. */
export const STEP_LABELS: Record<RestorationStep, string> = {
  criteria: 'Assessment against the four criteria',
  expert_panel: 'Expert panel test',
  lay_panel: 'Lay panel test (independent members of the Standards Committee and the Independent Persons)',
  leader_request: 'The Leader’s written request',
  proposal: 'Proposal to the Secretary of State',
  reply: 'The Secretary of State’s reply',
  public_notice: 'Public notice and representations',
  effective: 'Effective date and revised allocation',
};

/** The four criteria a function must meet before it can return to the council (seed 001). */
export const CRITERION_LABELS: Record<Criterion, string> = {
  service: 'Service operating at a good enough level with no significant value-for-money deficit',
  leadership:
    'Good enough officer leadership, with definitions of service quality and improvement plans in place',
  assurance: 'Service quality assured by a peer review or an interim chief officer’s review',
  councillors: 'Councillors ready to exercise executive authority',
};

/**
 * A step's label: in full for a heading, or short for a sentence, where the
 * explanation in brackets is left out: `stepLabel('lay_panel', 'short')` is
 * `'Lay panel test'`.
 */
export function stepLabel(step: RestorationStep, form: 'full' | 'short' = 'full'): string {
  const label = STEP_LABELS[step];
  return form === 'short' ? label.replace(/ \(.*\)$/, '') : label;
}

/** A criterion's label: `criterionLabel('councillors')` is `'Councillors ready to exercise executive authority'`. */
export function criterionLabel(criterion: Criterion): string {
  return CRITERION_LABELS[criterion];
}
