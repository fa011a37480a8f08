import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDate, gssCode, personInput } from './validation.ts';

const valid = { name: 'Sir Derek Myers', kind: 'commissioner', publicRole: 'Lead Commissioner' };

function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const result = personInput.safeParse(input);
  assert.equal(result.success, false, 'the input was accepted');
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('a person’s details', () => {
  it('are trimmed, with blank optional fields recorded as null', () => {
    const person = personInput.parse({
      name: '  Sir Derek Myers ',
      kind: 'commissioner',
      publicRole: ' Lead Commissioner',
      party: '  ',
      fromDate: '',
      toDate: '',
      source: '',
    });
    assert.deepEqual(person, {
      name: 'Sir Derek Myers',
      kind: 'commissioner',
      publicRole: 'Lead Commissioner',
      party: null,
      fromDate: null,
      toDate: null,
      source: null,
    });
  });

  it('keep the dates and party given', () => {
    const person = personInput.parse({
      ...valid,
      party: 'Labour',
      fromDate: '2015-02-26',
      toDate: '2015-02-26',
    });
    assert.equal(person.party, 'Labour');
    assert.equal(person.fromDate, '2015-02-26');
    assert.equal(person.toDate, '2015-02-26');
  });

  it('need a name, a kind and a public role, each with its own message', () => {
    assert.deepEqual(errorsOf({ name: ' ', publicRole: '' }), {
      name: 'Enter the person’s name',
      kind: 'Select what kind of role this is',
      publicRole: 'Enter the public role',
    });
  });

  it('refuse fields that are too long', () => {
    const errors = errorsOf({
      ...valid,
      name: 'x'.repeat(201),
      party: 'p'.repeat(101),
      source: 's'.repeat(301),
    });
    assert.equal(errors.name, 'Name must be 200 characters or fewer');
    assert.equal(errors.party, 'Party must be 100 characters or fewer');
    assert.equal(errors.source, 'Source must be 300 characters or fewer');
    assert.ok(personInput.safeParse({ ...valid, name: 'x'.repeat(200) }).success);
  });

  it('refuse dates that do not exist or are not written YYYY-MM-DD', () => {
    for (const fromDate of ['2015-02-29', '2015-13-01', '26/02/2015', '2015-2-26']) {
      assert.ok('fromDate' in errorsOf({ ...valid, fromDate }), fromDate);
    }
    assert.ok(personInput.safeParse({ ...valid, fromDate: '2016-02-29' }).success, 'a leap day exists');
  });

  it('refuse an end date before the start date, on the end date', () => {
    assert.deepEqual(errorsOf({ ...valid, fromDate: '2016-01-02', toDate: '2016-01-01' }), {
      toDate: 'The end date must be the same as or after the start date',
    });
  });
});

describe('GSS codes and calendar dates', () => {
  it('accept a letter for the nation and eight digits', () => {
    for (const code of ['E08000018', 'W06000015', 'S12000033', 'N09000003'])
      assert.ok(gssCode.safeParse(code).success);
    for (const code of ['e08000018', 'X08000018', 'E0800001', 'E080000180', ' E08000018']) {
      assert.ok(!gssCode.safeParse(code).success, code);
    }
  });

  it('accept only real dates', () => {
    assert.ok(calendarDate.safeParse('2024-02-29').success);
    assert.ok(!calendarDate.safeParse('2023-02-29').success);
  });
});
