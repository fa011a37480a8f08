import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capital, dateField, optionalText, requiredText } from './form-fields.ts';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('shared form fields', () => {
  it('capital puts the first letter in capitals and leaves the rest', () => {
    assert.equal(capital('the reasons'), 'The reasons');
    assert.equal(capital(''), '');
  });

  it('requiredText trims, asks for an empty field and names the limit', () => {
    const field = requiredText('the reasons', 5);
    assert.equal(field.parse('  ok  '), 'ok');
    assert.equal(message(field.safeParse('   ')), 'Enter the reasons');
    assert.equal(message(field.safeParse(undefined)), 'Enter the reasons');
    assert.equal(message(field.safeParse('too long')), 'The reasons must be 5 characters or fewer');
  });

  it('optionalText reads an empty or missing field as null', () => {
    const field = optionalText('notes', 5);
    assert.equal(field.parse(''), null);
    assert.equal(field.parse(undefined), null);
    assert.equal(field.parse(' a '), 'a');
    assert.equal(message(field.safeParse('123456')), 'Notes must be 5 characters or fewer');
  });

  it('dateField takes a real date only and shows the example it is given', () => {
    const field = dateField('the date of the hearing', '2015-12-01');
    assert.equal(field.parse(' 2016-02-29 '), '2016-02-29');
    assert.equal(message(field.safeParse('')), 'Enter the date of the hearing');
    assert.equal(
      message(field.safeParse('2015-02-30')),
      'The date of the hearing must be a real date written YYYY-MM-DD, such as 2015-12-01',
    );
  });
});
