import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { CHECK_NAMES } from './labels.ts';
import { checksFor } from './requirements.ts';
import type { CheckFacts, CheckKind, HolderKind } from './types.ts';

/*
 * What a recorded check must say (Statutory Standards, paragraph 6.2, and the
 * training paragraphs of section 6): an enhanced DBS certificate its 12-digit number, its date and the
 * barred lists it was checked against; training its course; and no check is
 * dated in the future or ends before it was done.
 */

/** A DBS certificate number: 12 digits. */
export const DBS_CERTIFICATE_NUMBER = /^\d{12}$/;

/** How each barred list is named in a sentence. */
const BARRED_LIST_NAMES = { children: 'children’s', adults: 'adults’' } as const;

/** The parts of a check its rules read, before it has an id. */
export type CheckCandidate = Omit<CheckFacts, 'id' | 'holderId'>;

/** Why a check cannot be recorded on `today`; none when it can. */
export function checkProblems(check: CheckCandidate, today: string): Problem[] {
  const problems: Problem[] = [];
  if (check.doneOn > today)
    problems.push({
      field: 'doneOn',
      message: `The date of the check must be today or in the past (today is ${longDate(today)})`,
    });
  const isDbs = check.kind === 'dbs_enhanced' || check.kind === 'basic_dbs';
  if (isDbs) {
    if (check.certificateNumber === null)
      problems.push({ field: 'certificateNumber', message: 'Enter the DBS certificate number' });
    else if (!DBS_CERTIFICATE_NUMBER.test(check.certificateNumber))
      problems.push({
        field: 'certificateNumber',
        message: 'The DBS certificate number must be 12 digits, like 001234567890',
      });
  } else if (check.certificateNumber !== null)
    problems.push({ field: 'certificateNumber', message: 'Only a DBS certificate has a certificate number' });
  if (check.kind === 'dbs_enhanced') {
    for (const list of ['children', 'adults'] as const)
      if (!check.barredLists.includes(list))
        problems.push({
          field: 'barredLists',
          message: `An enhanced DBS certificate for a licence must include the ${BARRED_LIST_NAMES[list]} barred list check`,
        });
  } else if (check.barredLists.length > 0)
    problems.push({
      field: 'barredLists',
      message: 'Only an enhanced DBS certificate is checked against the barred lists',
    });
  if (check.kind === 'safeguarding_training') {
    if (check.course === null)
      problems.push({ field: 'course', message: 'Enter the safeguarding course attended' });
  } else if (check.course !== null)
    problems.push({ field: 'course', message: 'Only safeguarding training has a course' });
  if (check.validUntil !== null && check.validUntil < check.doneOn)
    problems.push({
      field: 'validUntil',
      message: 'The end date must be the same as or after the date of the check',
    });
  return problems;
}

/** A name with its article: "an enhanced DBS certificate", "a medical". */
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/**
 * Why a check of `kind` cannot be recorded for a holder of this kind: it is not
 * one any licence they could hold needs (a vehicle inspection for a driver).
 *
 * @example checkKindProblems('driver', 'vehicle_inspection')[0].message
 *   // 'A vehicle inspection is not a check of a driver. Choose one of: enhanced DBS certificate, …'
 */
export function checkKindProblems(holder: HolderKind, kind: CheckKind): Problem[] {
  const allowed = checksFor(holder);
  if (allowed.includes(kind)) return [];
  const name = withArticle(CHECK_NAMES[kind]);
  return [
    {
      field: 'kind',
      message: `${name[0]?.toUpperCase()}${name.slice(1)} is not a check of ${withArticle(holder)}. Choose one of: ${allowed.map((k) => CHECK_NAMES[k]).join(', ')}`,
    },
  ];
}
