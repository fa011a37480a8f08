import type { Problem } from '#src/modules/powers/rules/problem.ts';

/*
 * The register of refusals, suspensions and revocations (Statutory Standards,
 * the paragraphs of section 4 on sharing licensing information with other
 * authorities, and the national register of refusals and revocations):
 * searched by name, date of birth and licence number. Names are compared by
 * their key, so that case, accents, punctuation, spacing and the order of the
 * names do not hide an applicant: "O'Brien, Seán" finds "Sean OBrien".
 */

/** Letters with no accent to drop, as they are written in plain Latin letters. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * The key a name is searched by: lower case, accents and punctuation dropped,
 * the words sorted.
 *
 * @example nameKey("O'Brien,  Seán") // 'obrien sean'
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøßđæœþ]/g, (c) => LETTERS[c] ?? c)
    .replace(/['’`.-]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .sort()
    .join(' ');
}

/** A licence number as it is compared: upper case, without spaces or dashes. `ph-d 0012` is `PHD0012`. */
export function licenceNumberKey(number: string): string {
  return number.toUpperCase().replace(/[\s-]+/g, '');
}

/** What a register search is given; every field is optional, but at least one is needed. */
export interface RegisterCriteria {
  name: string | null;
  dateOfBirth: string | null;
  licenceNumber: string | null;
}

/**
 * Why a search cannot be run; none when it can. A search needs at least one
 * criterion, and a name needs at least two letters so that a search cannot list
 * the whole register.
 */
export function registerCriteriaProblems(c: RegisterCriteria): Problem[] {
  if (c.name === null && c.dateOfBirth === null && c.licenceNumber === null)
    return [
      {
        field: 'name',
        message: 'Enter a name, a date of birth or a licence number to search the register',
      },
    ];
  const problems: Problem[] = [];
  if (c.name !== null && nameKey(c.name).replace(/ /g, '').length < 2)
    problems.push({ field: 'name', message: 'Enter at least two letters of the name' });
  if (c.licenceNumber !== null && licenceNumberKey(c.licenceNumber).length === 0)
    problems.push({
      field: 'licenceNumber',
      message: 'Enter a licence number with at least one letter or digit',
    });
  return problems;
}
