import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { licenceNumberKey, nameKey, registerCriteriaProblems } from './register.ts';

describe('the key a name is searched by', () => {
  it('follows the worked example', () => {
    assert.equal(nameKey("O'Brien,  Seán"), 'obrien sean');
  });

  it('finds “Sean OBrien” from “O’Brien, Seán”, whatever the case, accents, apostrophe or word order', () => {
    const key = nameKey('Sean OBrien');
    for (const written of [
      "O'Brien, Seán",
      'O’Brien Sean',
      'SEAN O`BRIEN',
      'obrien sean',
      '  Seán   O’Brien  ',
    ])
      assert.equal(nameKey(written), key, written);
  });

  it('drops accents of every kind', () => {
    assert.equal(nameKey('Zoë Brontë'), 'bronte zoe');
    assert.equal(nameKey('François Müller-Ñúñez'), 'francois mullernunez');
  });

  it('drops full stops and hyphens inside words, and splits at commas and other punctuation', () => {
    assert.equal(nameKey('J. R. Smith'), 'j r smith');
    assert.equal(nameKey('Smith-Jones, Mary'), 'mary smithjones');
    assert.equal(nameKey('Mary (Molly) Smith'), 'mary molly smith');
  });

  it('sorts the words, so the order of the names does not matter', () => {
    assert.equal(nameKey('Smith, John'), nameKey('John Smith'));
    assert.equal(nameKey('Smith John Peter'), 'john peter smith');
  });

  it('keeps digits and is empty for a name of punctuation only', () => {
    assert.equal(nameKey('John Smith 2'), '2 john smith');
    assert.equal(nameKey(" ' - . "), '');
  });
});

describe('the key a licence number is compared by', () => {
  it('is upper case without spaces or dashes', () => {
    assert.equal(licenceNumberKey('ph-d 0012'), 'PHD0012');
    assert.equal(licenceNumberKey(' PH -- D\t0012 '), 'PHD0012');
    assert.equal(licenceNumberKey('PHD0012'), 'PHD0012');
  });

  it('keeps other characters as written', () => {
    assert.equal(licenceNumberKey('hc/12'), 'HC/12');
  });
});

describe('what a search of the register needs', () => {
  const none = { name: null, dateOfBirth: null, licenceNumber: null };

  it('refuses a search with no criterion at all', () => {
    assert.deepEqual(registerCriteriaProblems(none), [
      { field: 'name', message: 'Enter a name, a date of birth or a licence number to search the register' },
    ]);
  });

  it('runs a search on any one criterion', () => {
    assert.deepEqual(registerCriteriaProblems({ ...none, name: 'Li' }), []);
    assert.deepEqual(registerCriteriaProblems({ ...none, dateOfBirth: '1970-01-01' }), []);
    assert.deepEqual(registerCriteriaProblems({ ...none, licenceNumber: 'PH-1' }), []);
  });

  it('asks for at least two letters of a name, counted without punctuation or spaces', () => {
    const tooShort = [{ field: 'name', message: 'Enter at least two letters of the name' }];
    assert.deepEqual(registerCriteriaProblems({ ...none, name: 'A' }), tooShort);
    assert.deepEqual(registerCriteriaProblems({ ...none, name: "O'" }), tooShort);
    assert.deepEqual(registerCriteriaProblems({ ...none, name: ' . ' }), tooShort);
    assert.deepEqual(registerCriteriaProblems({ ...none, name: 'A B' }), []);
  });

  it('asks a licence number for a letter or digit', () => {
    assert.deepEqual(registerCriteriaProblems({ ...none, licenceNumber: ' - ' }), [
      { field: 'licenceNumber', message: 'Enter a licence number with at least one letter or digit' },
    ]);
  });

  it('reports a short name and an empty licence number together, even with a date of birth', () => {
    assert.deepEqual(
      registerCriteriaProblems({ name: 'J', dateOfBirth: '1970-01-01', licenceNumber: '--' }).map(
        (p) => p.field,
      ),
      ['name', 'licenceNumber'],
    );
  });
});
