import { caseFacts } from '#src/modules/licensing/record.ts';
import { checkKindProblems, checkProblems } from '#src/modules/licensing/rules/checks.ts';
import { gateDecision } from '#src/modules/licensing/rules/gate.ts';
import {
  closeProblems,
  hearingProblems,
  reviewDecisionProblems,
} from '#src/modules/licensing/rules/reviews.ts';
import { ANY_DAY, at, idsBefore, standing } from './improvement-rules.ts';
import type { BundleProblem } from './problems.ts';
import { mustBeIn, uniqueIn } from './references.ts';
import type { Bundle } from './schema.ts';

/*
 * The Licensing section checked as a whole: ids unique across the bundle, every
 * reference resolving, and the rules the module's services apply to each change
 * (src/modules/licensing/rules/), so that a bundle cannot hold what the service
 * would refuse: a malformed DBS certificate, a licence granted through the gate
 * while a check was missing, a decision without reasons or a suspension without
 * a period. Withdrawn records count for nothing in the rules.
 */

const L = '$.licensing';

type Section = Bundle['licensing'];

function licensingDuplicates(bundle: Bundle): BundleProblem[] {
  const s = bundle.licensing;
  const ids = idsBefore(bundle, 'licensing');
  const sameId = (item: { id: string }, first: string) => `id ${item.id} is already used at ${first}`;
  return [
    ...Object.entries(s).flatMap(([list, items]: [string, readonly { id: string }[]]) =>
      uniqueIn(items, `${L}.${list}`, 'id', (r) => r.id, sameId, ids),
    ),
    ...uniqueIn(
      s.licences,
      `${L}.licences`,
      'number',
      (l) => l.number,
      (l, first) => `licence number ${l.number} is already used at ${first}`,
    ),
    ...uniqueIn(
      s.reviewCases,
      `${L}.reviewCases`,
      'reference',
      (c) => c.reference,
      (c, first) => `case reference ${c.reference} is already used at ${first}`,
    ),
    ...uniqueIn(
      s.reviewDecisions,
      `${L}.reviewDecisions`,
      'caseId',
      (d) => d.caseId,
      (d, first) => `case ${d.caseId} already has a decision at ${first}`,
    ),
  ];
}

/** A field naming a record of another list must name one that belongs with it (a hearing of the same case). */
function sameOwner<T>(
  items: readonly T[],
  list: string,
  field: keyof T & string,
  ownerOf: ReadonlyMap<string, string>,
  owner: (item: T) => string,
  what: string,
): BundleProblem[] {
  return items.flatMap((item, i) => {
    const value = item[field] as string | null;
    const found = value === null ? undefined : ownerOf.get(value);
    return found === undefined || found === owner(item)
      ? []
      : [{ path: `${list}[${i}].${field}`, message: `must be ${what}` }];
  });
}

function licensingReferences(bundle: Bundle): BundleProblem[] {
  const s = bundle.licensing;
  const target = (items: readonly { id: string }[], list: string, what: string) => ({
    ids: new Set(items.map((r) => r.id)),
    list,
    what,
  });
  const people = target(bundle.people, '$.people', 'a person');
  const functions = target(bundle.powers.functions, '$.powers.functions', 'a function');
  const decisions = target(bundle.powers.decisions, '$.powers.decisions', 'a decision');
  const holders = target(s.holders, `${L}.holders`, 'a licence holder');
  const licences = target(s.licences, `${L}.licences`, 'a licence');
  const cases = target(s.reviewCases, `${L}.reviewCases`, 'a review case');
  const hearings = target(s.reviewHearings, `${L}.reviewHearings`, 'a hearing');
  const reviewDecisions = target(s.reviewDecisions, `${L}.reviewDecisions`, 'a review decision');
  const holderOfLicence = new Map(s.licences.map((l) => [l.id, l.holderId]));
  const caseOfHearing = new Map(s.reviewHearings.map((h) => [h.id, h.caseId]));
  return [
    ...mustBeIn(s.licences, `${L}.licences`, 'holderId', holders),
    ...mustBeIn(s.checks, `${L}.checks`, 'holderId', holders),
    ...mustBeIn(s.gateAttempts, `${L}.gateAttempts`, 'licenceId', licences),
    ...mustBeIn(s.reviewCases, `${L}.reviewCases`, 'holderId', holders),
    ...mustBeIn(s.reviewCases, `${L}.reviewCases`, 'licenceId', licences),
    ...sameOwner(
      s.reviewCases,
      `${L}.reviewCases`,
      'licenceId',
      holderOfLicence,
      (c) => c.holderId,
      'a licence of the case’s holder',
    ),
    ...mustBeIn(s.reviewCases, `${L}.reviewCases`, 'functionId', functions),
    ...mustBeIn(s.reviewHearings, `${L}.reviewHearings`, 'caseId', cases),
    ...s.reviewHearings.flatMap((h, i) =>
      h.panelPersonIds.flatMap((p, j) =>
        people.ids.has(p)
          ? []
          : [
              {
                path: `${L}.reviewHearings[${i}].panelPersonIds[${j}]`,
                message: `must be the id of a person in $.people; ${p} is not`,
              },
            ],
      ),
    ),
    ...mustBeIn(s.reviewDecisions, `${L}.reviewDecisions`, 'caseId', cases),
    ...mustBeIn(s.reviewDecisions, `${L}.reviewDecisions`, 'hearingId', hearings),
    ...sameOwner(
      s.reviewDecisions,
      `${L}.reviewDecisions`,
      'hearingId',
      caseOfHearing,
      (d) => d.caseId,
      'a hearing of the same case',
    ),
    ...mustBeIn(s.reviewDecisions, `${L}.reviewDecisions`, 'proposedByPersonId', people),
    ...mustBeIn(s.reviewDecisions, `${L}.reviewDecisions`, 'decidedByPersonId', people),
    ...mustBeIn(s.reviewDecisions, `${L}.reviewDecisions`, 'powersDecisionId', decisions),
    ...mustBeIn(s.registerEntries, `${L}.registerEntries`, 'holderId', holders),
    ...mustBeIn(s.registerEntries, `${L}.registerEntries`, 'licenceId', licences),
    ...sameOwner(
      s.registerEntries,
      `${L}.registerEntries`,
      'licenceId',
      holderOfLicence,
      (e) => e.holderId,
      'a licence of the entry’s holder',
    ),
    ...mustBeIn(s.registerEntries, `${L}.registerEntries`, 'reviewDecisionId', reviewDecisions),
    ...mustBeIn(s.vehicleChecks, `${L}.vehicleChecks`, 'holderId', holders),
  ];
}

/** The Licensing section's duplicates and references, each named by its JSON path. */
export function licensingReferenceProblems(bundle: Bundle): BundleProblem[] {
  return [...licensingDuplicates(bundle), ...licensingReferences(bundle)];
}

/** Each standing case's facts, from its standing hearings and decision. */
function caseFactsOf(s: Section) {
  const hearingsOf = new Map<string, Section['reviewHearings']>();
  for (const { item: h } of standing(s.reviewHearings))
    hearingsOf.set(h.caseId, [...(hearingsOf.get(h.caseId) ?? []), h]);
  const decisionOf = new Map(standing(s.reviewDecisions).map(({ item: d }) => [d.caseId, d]));
  return new Map(
    s.reviewCases.map((c) => {
      const bare = { ...c, councilId: '', withdrawnAt: null };
      const hearings = (hearingsOf.get(c.id) ?? []).map((h) => ({ ...h, councilId: '', withdrawnAt: null }));
      const decision = decisionOf.get(c.id);
      return [
        c.id,
        caseFacts(bare, hearings, decision ? { ...decision, councilId: '', withdrawnAt: null } : null),
      ];
    }),
  );
}

/**
 * The Licensing rules applied to a bundle whose records each are valid and
 * whose references resolve. A check is well formed (a DBS certificate number of
 * 12 digits, both barred lists only on an enhanced certificate…); a grant or
 * renewal recorded as allowed was allowed by the gate on its day, with the
 * bundle's checks; a hearing's dates are in order with a panel; a case closed
 * otherwise has a reason and no decision; a decision has its reasons, a
 * suspension its period, and an effective date the appeal rules allow, and it
 * agrees with the Powers decision it names.
 */
export function licensingRuleProblems(bundle: Bundle): BundleProblem[] {
  const s = bundle.licensing;
  const checksOf = new Map<string, Section['checks']>();
  for (const { item: c } of standing(s.checks))
    checksOf.set(c.holderId, [...(checksOf.get(c.holderId) ?? []), c]);
  const holders = new Map(s.holders.map((h) => [h.id, h]));
  const licences = new Map(s.licences.map((l) => [l.id, l]));
  const facts = caseFactsOf(s);
  const powersDecisions = new Map(bundle.powers.decisions.map((d) => [d.id, d]));
  return [
    ...standing(s.checks).flatMap(({ item: c, i }) => {
      const holder = holders.get(c.holderId);
      return [...(holder ? checkKindProblems(holder.kind, c.kind) : []), ...checkProblems(c, ANY_DAY)].map(
        at(`${L}.checks[${i}]`),
      );
    }),
    ...standing(s.gateAttempts).flatMap(({ item: a, i }) => {
      if (!a.allowed) return [];
      const licence = licences.get(a.licenceId);
      if (!licence) return [];
      // The gate is asked of the licence as it stood before: an application for a grant, granted for a renewal.
      const before = {
        ...licence,
        status: a.action === 'grant' ? ('application' as const) : ('granted' as const),
        endOn: null,
      };
      const decision = gateDecision(
        a.action,
        before,
        checksOf.get(licence.holderId) ?? [],
        holders.get(licence.holderId)?.dateOfBirth ?? null,
        a.attemptedOn,
      );
      return decision.allowed
        ? []
        : [
            {
              path: `${L}.gateAttempts[${i}].allowed`,
              message: `the gate refuses this ${a.action} on ${a.attemptedOn}: ${decision.problems.map((p) => p.message).join('; ')}`,
            },
          ];
    }),
    ...standing(s.reviewHearings).flatMap(({ item: h, i }) => {
      const c = facts.get(h.caseId);
      if (!c) return [];
      // A hearing is checked against its case as it stood when it was fixed: before any decision or closure.
      return hearingProblems({ ...c, decision: null, closedOtherwise: null }, h).map(
        at(`${L}.reviewHearings[${i}]`),
      );
    }),
    ...standing(s.reviewCases).flatMap(({ item: c, i }) => {
      const f = facts.get(c.id);
      if (!f || !f.closedOtherwise) return [];
      return closeProblems(
        { ...f, closedOtherwise: null },
        f.closedOtherwise.on,
        f.closedOtherwise.reason,
      ).map(at(`${L}.reviewCases[${i}]`));
    }),
    ...standing(s.reviewDecisions).flatMap(({ item: d, i }) => {
      const f = facts.get(d.caseId);
      if (!f) return [];
      const path = `${L}.reviewDecisions[${i}]`;
      const problems = reviewDecisionProblems(d, { ...f, decision: null }).map(at(path));
      const p = powersDecisions.get(d.powersDecisionId);
      if (p && (p.decidedOn !== d.decidedOn || p.decidedById !== d.decidedByPersonId))
        problems.push({
          path: `${path}.powersDecisionId`,
          message: 'must be the Powers decision taken on the same day by the same person',
        });
      return problems;
    }),
  ];
}
