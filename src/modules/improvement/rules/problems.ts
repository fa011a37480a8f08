import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { isCalendarDate } from './calendar.ts';

/*
 * Checks on what a person (or an import bundle) asks to record against a plan:
 * a milestone's completion, a moved due date, a management action. Each returns
 * every problem at once, named by the input field it is about, in the order of
 * the form; an empty list means the change may be made.
 */

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/** A record elsewhere in Fresh Start, written as its ledger entity type and id. */
const RECORD_REFERENCE =
  /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A date field's problem: not a real date, or after `today`; null when neither. */
function dateProblem(value: string, what: string, today: string): string | null {
  if (!isCalendarDate(value)) return `Enter ${what} as a real date, like 2015-10-31`;
  if (value > today) return `${what[0]?.toUpperCase()}${what.slice(1)} cannot be in the future`;
  return null;
}

const EVIDENCE_NEEDED: Record<string, string> = {
  document: 'Enter the document’s title and reference',
  link: 'Enter the link to the evidence',
  record: 'Enter the record in Fresh Start that shows it is done',
};

/**
 * What is wrong with marking a milestone done. It needs the kind of evidence
 * (a document, a link or a record) and the evidence itself: a completion
 * without evidence would not count, so it is refused. A link must be a web
 * address (http or https); a record must be written `entity-type/uuid`, as the
 * ledger names it. The date must be a real date, not after `today`, and not
 * before the project's start: work done before a project began is evidence for
 * some other project, or a mistyped date.
 */
export function completionProblems(
  input: { completedOn: string; evidenceKind: string | null; evidence: string | null },
  project: { startOn: string },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  const dated = dateProblem(input.completedOn, 'the date it was completed', today);
  if (dated) problems.push({ field: 'completedOn', message: dated });
  else if (input.completedOn < project.startOn) {
    problems.push({
      field: 'completedOn',
      message: `The date it was completed cannot be before the project started on ${longDate(project.startOn)}`,
    });
  }

  const kind = input.evidenceKind;
  const known = kind !== null && Object.hasOwn(EVIDENCE_NEEDED, kind);
  if (!known) {
    problems.push({
      field: 'evidenceKind',
      message: 'Choose the kind of evidence: a document, a link or a record in Fresh Start',
    });
  }
  const evidence = input.evidence;
  if (evidence === null || blank(evidence)) {
    problems.push({
      field: 'evidence',
      message: known
        ? (EVIDENCE_NEEDED[kind] as string)
        : 'Enter the evidence that the milestone is done: a document, a link or a record',
    });
  } else if (kind === 'link' && !isWebAddress(evidence)) {
    problems.push({
      field: 'evidence',
      message: 'Enter the link as a web address starting with https:// or http://',
    });
  } else if (kind === 'record' && !RECORD_REFERENCE.test(evidence.trim())) {
    problems.push({
      field: 'evidence',
      message: 'Enter the record as its type and id, like decision/0f8fad5b-d9cb-469f-a165-70867728950e',
    });
  }
  return problems;
}

/**
 * What is wrong with moving a due date. A move needs a reason and the person or
 * body who approved it; the new date must be a real date other than the one in
 * force (`currentDue`); the approval must be dated, and not after `today`.
 */
export function rebaselineProblems(
  input: { toDate: string; reason: string; approvedBy: string; approvedOn: string },
  currentDue: string,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (!isCalendarDate(input.toDate)) {
    problems.push({ field: 'toDate', message: 'Enter the new due date as a real date, like 2016-03-31' });
  } else if (input.toDate === currentDue) {
    problems.push({
      field: 'toDate',
      message: `The new due date is the one already in force, ${longDate(currentDue)}: enter a different date`,
    });
  }
  if (blank(input.reason)) {
    problems.push({ field: 'reason', message: 'Enter the reason the date is moving' });
  }
  if (blank(input.approvedBy)) {
    problems.push({ field: 'approvedBy', message: 'Enter who approved the new date: a person or a board' });
  }
  const dated = dateProblem(input.approvedOn, 'the date it was approved', today);
  if (dated) problems.push({ field: 'approvedOn', message: dated });
  return problems;
}

/**
 * What is wrong with recording a management action on an overdue milestone or
 * project: it needs the action and its owner, the date agreed (real, not after
 * `today`) and a due date no earlier than that.
 */
export function managementActionProblems(
  input: { action: string; owner: string; agreedOn: string; dueOn: string },
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (blank(input.action)) {
    problems.push({ field: 'action', message: 'Enter the management action: what will be done to recover' });
  }
  if (blank(input.owner)) {
    problems.push({ field: 'owner', message: 'Enter the owner: who is responsible for the action' });
  }
  const agreed = dateProblem(input.agreedOn, 'the date it was agreed', today);
  if (agreed) problems.push({ field: 'agreedOn', message: agreed });
  if (!isCalendarDate(input.dueOn)) {
    problems.push({ field: 'dueOn', message: 'Enter the date it is due as a real date, like 2015-11-30' });
  } else if (isCalendarDate(input.agreedOn) && input.dueOn < input.agreedOn) {
    problems.push({
      field: 'dueOn',
      message: `The date it is due cannot be before the date it was agreed, ${longDate(input.agreedOn)}`,
    });
  }
  return problems;
}
