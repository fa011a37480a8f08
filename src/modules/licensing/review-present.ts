import { z } from 'zod';
import type { Tx } from '#src/db/client.ts';
import type { Person } from '#src/modules/councils/schema.ts';
import { peopleOf } from '#src/modules/councils/service.ts';
import { snapshot } from '#src/modules/improvement/record.ts';
import { councilPowers } from '#src/modules/powers/record.ts';
import { addDays } from '#src/modules/powers/rules/dates.ts';
import { holdingsOn } from '#src/modules/powers/rules/holders.ts';
import type { CouncilFunction } from '#src/modules/powers/schema.ts';
import { labels } from './present.ts';
import { type CaseRecord, caseOf, holderOf } from './record.ts';
import { APPEAL_DAYS, type CaseFigure, type ReviewSummary, standingHearing } from './rules/reviews.ts';
import { REVIEW_OUTCOMES } from './rules/types.ts';
import type { Licence, LicenceHolder } from './schema.ts';

/*
 * What the fit-and-proper review pages share: the figures of the summary, each
 * with the name a page gives it and the address of its cases, and a case as
 * its page and forms read it (holder, licence, people, the function decided under).
 */

/** The figures of the review summary a page can list the cases of, in the order the summary shows them. */
export const REVIEW_FIGURES = [
  'identified',
  'heard',
  ...REVIEW_OUTCOMES,
  'immediate',
  'scheduled',
  'closed_otherwise',
  'not_yet_accounted',
] as const;
export type ReviewFigure = (typeof REVIEW_FIGURES)[number];

/** Each figure's name, as the summary's rows and the list's heading say it. */
export const FIGURE_NAMES: Record<ReviewFigure, string> = {
  identified: 'Cases identified',
  heard: 'Heard',
  revoke: labels.outcome.revoke,
  suspend: labels.outcome.suspend,
  formal_warning: labels.outcome.formal_warning,
  no_further_action: labels.outcome.no_further_action,
  immediate: 'Revoked or suspended with immediate effect in the interests of public safety',
  scheduled: 'Scheduled for a hearing',
  closed_otherwise: 'Closed without a hearing, with a reason',
  not_yet_accounted: 'Not yet heard, scheduled or closed',
};

/** The cases behind one figure of a summary. */
export function figureOf(summary: ReviewSummary, figure: ReviewFigure): CaseFigure {
  switch (figure) {
    case 'identified':
    case 'heard':
    case 'immediate':
    case 'scheduled':
      return summary[figure];
    case 'closed_otherwise':
      return summary.closedOtherwise;
    case 'not_yet_accounted':
      return summary.notYetAccounted;
    default:
      return summary.byOutcome[figure];
  }
}

const isoDate = z.iso.date({
  message: 'The date must be a real date written YYYY-MM-DD, such as 2015-11-27',
});

/** The query of a figure's list of cases: the date (default today) and the figure (default every case identified). */
export const figureQuery = z.object({
  date: isoDate.optional(),
  figure: z
    .enum(REVIEW_FIGURES, { message: `The figure must be one of: ${REVIEW_FIGURES.join(', ')}` })
    .optional()
    .transform((f) => f ?? 'identified'),
});

/** The last day a decision made on `decidedOn` can be appealed. */
export const appealEndsOn = (decidedOn: string) => addDays(decidedOn, APPEAL_DAYS);

/**
 * How people are named on the review pages: by name, and by their public role
 * too where two share a name (Mary Ney was Commissioner for licensing, then Lead Commissioner).
 */
export function personNames(people: readonly Person[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return new Map(
    people.map((p) => [p.id, (count.get(p.name) ?? 0) > 1 ? `${p.name}, ${p.publicRole}` : p.name]),
  );
}

/** A review case with what its page and forms show beside it. */
export interface CaseView {
  found: CaseRecord;
  holder: LicenceHolder;
  licences: Licence[];
  licence: Licence | null;
  people: Person[];
  names: Map<string, string>;
  fn: CouncilFunction | undefined;
  /** Who holds the case's function on a date (the decision-maker of a hearing that day). */
  deciderOn: (date: string) => string | null;
}

/** A case of the council with its holder, licence, people and function; undefined when there is none. */
export async function readCaseView(db: Tx, councilId: string, caseId: string): Promise<CaseView | undefined> {
  const read = await snapshot(db, async (tx) => {
    const found = await caseOf(tx, councilId, caseId);
    if (!found) return undefined;
    const holder = await holderOf(tx, councilId, found.record.holderId);
    return holder && { found, holder, people: await peopleOf(tx, councilId) };
  });
  if (!read) return undefined;
  const powers = await councilPowers(db, councilId);
  const functionId = read.found.record.functionId;
  return {
    found: read.found,
    holder: read.holder.holder,
    licences: read.holder.licences,
    licence: read.holder.licences.find((l) => l.id === read.found.record.licenceId) ?? null,
    people: read.people,
    names: personNames(read.people),
    fn: powers.functions.find((f) => f.id === functionId),
    deciderOn: (date) =>
      holdingsOn(powers, date).find((h) => h.function.id === functionId)?.holder.name ?? null,
  };
}

/** Which changes the case can take now, so its page offers only the forms that could succeed. */
export function caseActions(found: CaseRecord) {
  const open = !found.decision && found.record.closedOn === null;
  const standing = found.hearings.find((h) => h.adjournedOn === null) ?? null;
  return {
    investigate: open && found.record.investigationStartedOn === null,
    hearing: open && !standing,
    adjourn: open && !!standing,
    decide: open && !!standing,
    close: open,
  };
}

/** The hearing a case's decision is most likely taken at: the one standing on the day, else the latest not adjourned. */
export function hearingFor(found: CaseRecord, on: string) {
  return (
    standingHearing(found.facts.hearings, on) ??
    [...found.facts.hearings].reverse().find((h) => h.adjournedOn === null) ??
    null
  );
}
