import { requiredChecks } from './requirements.ts';
import { type CheckPosition, checkStandings, standingAllowsGrant, withMessage } from './standing.ts';
import {
  type CheckFacts,
  type HolderFacts,
  LICENCE_KINDS,
  type LicenceFacts,
  type LicenceKind,
  type LicenceStatus,
} from './types.ts';

/*
 * The compliance view (Statutory Standards, paragraph 6.2, with its six-monthly
 * update service checks, and the training paragraphs of section 6): for the holders who hold a licence
 * on a date, the checks overdue and the checks due in the next 30 days, and
 * safeguarding training coverage, in all and per kind of licence. Every figure
 * carries the ids of the holders it counts.
 */

/** Statuses that end a licence from the day they take effect. */
const ENDED: readonly LicenceStatus[] = ['revoked', 'surrendered', 'expired'];

/**
 * Whether a licence is held on `on`: granted (or suspended, which is still held)
 * and within its term, and not revoked, surrendered or expired by then. An
 * application or a refusal was never held.
 */
export function heldOn(
  licence: Pick<LicenceFacts, 'status' | 'startOn' | 'endOn' | 'statusFrom'>,
  on: string,
) {
  if (licence.status === 'application' || licence.status === 'refused') return false;
  if (licence.startOn > on || (licence.endOn !== null && licence.endOn < on)) return false;
  return !(ENDED.includes(licence.status) && licence.statusFrom !== null && licence.statusFrom <= on);
}

/** A holder as the compliance view reads them: who, which licences, which checks. */
export interface ComplianceHolder extends HolderFacts {
  licences: readonly LicenceFacts[];
  checks: readonly CheckFacts[];
}

/** One holder's line: the licences held and the checks that need attention. */
export interface HolderCompliance {
  holderId: string;
  name: string;
  kinds: LicenceKind[];
  licenceNumbers: string[];
  /** Checks missing, overdue or failed: the holder could not be granted a licence today. */
  overdue: CheckPosition[];
  /** Checks current today that run out within the next 30 days. */
  due: CheckPosition[];
  trained: boolean;
}

/** A count with the ids behind it. */
export interface Figure {
  count: number;
  holderIds: string[];
}

/** The figures for one kind of licence, or for all. */
export interface ComplianceFigures {
  holders: Figure;
  compliant: Figure;
  due: Figure;
  overdue: Figure;
  trained: Figure;
  /** The share of the holders trained, from 0 to 1; null with no holders. */
  trainedShare: number | null;
}

export interface ComplianceView {
  on: string;
  all: ComplianceFigures;
  byKind: { kind: LicenceKind; figures: ComplianceFigures }[];
  /** Holders with a check overdue or due, overdue first, then by name. */
  attention: HolderCompliance[];
}

const figure = (): Figure => ({ count: 0, holderIds: [] });
const add = (f: Figure, id: string) => {
  f.count += 1;
  f.holderIds.push(id);
};
const figures = (): ComplianceFigures => ({
  holders: figure(),
  compliant: figure(),
  due: figure(),
  overdue: figure(),
  trained: figure(),
  trainedShare: null,
});

/** Whether the holder attended safeguarding training on or before `on`. */
export const trainedBy = (checks: readonly CheckFacts[], on: string): boolean =>
  checks.some((c) => c.kind === 'safeguarding_training' && c.doneOn <= on && c.outcome !== 'failed');

/** One holder's compliance on `on`, or null when they hold no licence that day. */
export function holderCompliance(holder: ComplianceHolder, on: string): HolderCompliance | null {
  const held = holder.licences.filter((l) => heldOn(l, on));
  if (!held.length) return null;
  const kinds = LICENCE_KINDS.filter((k) => held.some((l) => l.kind === k));
  const standings = checkStandings(requiredChecks(kinds), holder.checks, holder.dateOfBirth, on);
  return {
    holderId: holder.id,
    name: holder.name,
    kinds,
    licenceNumbers: held.map((l) => l.number).sort(),
    overdue: standings.filter((p) => !standingAllowsGrant(p.standing)).map(withMessage),
    due: standings.filter((p) => p.standing === 'due').map(withMessage),
    trained: trainedBy(holder.checks, on),
  };
}

function count(f: ComplianceFigures, line: HolderCompliance) {
  add(f.holders, line.holderId);
  if (line.overdue.length) add(f.overdue, line.holderId);
  else if (line.due.length) add(f.due, line.holderId);
  else add(f.compliant, line.holderId);
  if (line.trained) add(f.trained, line.holderId);
}

/**
 * The compliance view of `holders` on `on`. A holder is counted once in all,
 * and once under each kind of licence they hold; a holder with a check overdue
 * is counted as overdue (not also as due).
 */
export function complianceView(holders: readonly ComplianceHolder[], on: string): ComplianceView {
  const all = figures();
  const byKind = new Map<LicenceKind, ComplianceFigures>(LICENCE_KINDS.map((k) => [k, figures()]));
  const attention: HolderCompliance[] = [];
  for (const holder of holders) {
    const line = holderCompliance(holder, on);
    if (!line) continue;
    count(all, line);
    for (const kind of line.kinds) count(byKind.get(kind) as ComplianceFigures, line);
    if (line.overdue.length || line.due.length) attention.push(line);
  }
  const share = (f: ComplianceFigures) => {
    f.trainedShare = f.holders.count ? f.trained.count / f.holders.count : null;
    return f;
  };
  attention.sort(
    (a, b) =>
      Number(b.overdue.length > 0) - Number(a.overdue.length > 0) ||
      a.name.localeCompare(b.name) ||
      (a.holderId < b.holderId ? -1 : 1),
  );
  return {
    on,
    all: share(all),
    byKind: LICENCE_KINDS.map((kind) => ({ kind, figures: share(byKind.get(kind) as ComplianceFigures) })),
    attention,
  };
}
