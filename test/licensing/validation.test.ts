import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import {
  adjournInput,
  checkInput,
  closeInput,
  holderInput,
  investigationInput,
  licenceInput,
  refusalInput,
  vehicleCheckInput,
} from '#src/modules/licensing/validation.ts';

/*
 * What the Licensing forms and API accept for holders, applications, checks,
 * refusals, the steps of a review case and vehicle checks: each refusal names
 * the field, what is wrong and what is allowed.
 */

/** The problems of an input, as `field: message` lines; fails the test if it is accepted. */
function problemsOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, `refused: ${JSON.stringify(input)}`);
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** What an accepted input comes to; fails the test if it is refused. */
function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  assert.ok(result.success, JSON.stringify(result.error?.issues));
  return result.data;
}

const realDate = (label: string, example: string) =>
  `${label} must be a real date written YYYY-MM-DD, such as ${example}`;
const BAD_DATES = ['2015-02-29', '2015-11-31', '27/11/2015', '2015-1-5', 'yesterday'];
const UUID = '3f2b8c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('a holder', () => {
  const NAME = 'the name (a vehicle’s registration mark, an operator’s trading name)';

  test('is a driver with a date of birth, or a vehicle or operator without one, its name trimmed', () => {
    assert.deepEqual(
      parsed(holderInput, { kind: 'driver', name: ' Dana Driverton ', dateOfBirth: '1980-06-15' }),
      {
        kind: 'driver',
        name: 'Dana Driverton',
        dateOfBirth: '1980-06-15',
      },
    );
    assert.deepEqual(parsed(holderInput, { kind: 'vehicle', name: 'YT15 XYZ', dateOfBirth: '' }), {
      kind: 'vehicle',
      name: 'YT15 XYZ',
      dateOfBirth: null,
    });
    assert.equal(parsed(holderInput, { kind: 'operator', name: 'Testshire Cars' }).dateOfBirth, null);
  });

  test('needs the kind, one of driver, vehicle or operator, and the name', () => {
    const expected = [
      'kind: Select whether the holder is a driver, a vehicle or an operator',
      `name: Enter ${NAME}`,
    ];
    assert.deepEqual(problemsOf(holderInput, {}), expected);
    assert.deepEqual(problemsOf(holderInput, { kind: 'taxi', name: '   ' }), expected);
    assert.deepEqual(problemsOf(holderInput, { kind: 'vehicle', name: 'x'.repeat(201) }), [
      'name: The name (a vehicle’s registration mark, an operator’s trading name) must be 200 characters or fewer',
    ]);
  });

  test('needs a date of birth for a driver and refuses one for a vehicle or operator', () => {
    assert.deepEqual(problemsOf(holderInput, { kind: 'driver', name: 'Dana', dateOfBirth: ' ' }), [
      'dateOfBirth: Enter the driver’s date of birth',
    ]);
    for (const kind of ['vehicle', 'operator'])
      assert.deepEqual(problemsOf(holderInput, { kind, name: 'X', dateOfBirth: '1980-06-15' }), [
        'dateOfBirth: Only a driver has a date of birth',
      ]);
  });

  test('refuses a date of birth that is not a real date written YYYY-MM-DD', () => {
    for (const dateOfBirth of BAD_DATES)
      assert.deepEqual(problemsOf(holderInput, { kind: 'driver', name: 'Dana', dateOfBirth }), [
        `dateOfBirth: ${realDate('The date of birth', '1970-04-01')}`,
      ]);
  });
});

describe('an application for a licence', () => {
  const valid = { number: ' PHD-10001 ', kind: 'dual_driver', appliedOn: '2016-02-29', conditions: '' };

  test('has a number, a kind of licence and the date applied, conditions optional', () => {
    assert.deepEqual(parsed(licenceInput, valid), {
      number: 'PHD-10001',
      kind: 'dual_driver',
      appliedOn: '2016-02-29',
      conditions: null,
    });
  });

  test('names each kind of licence it allows when the kind is missing or unknown', () => {
    const kind =
      'kind: Select the kind of licence: hackney carriage driver licence, private hire driver licence, dual hackney carriage and private hire driver licence, hackney carriage vehicle licence, private hire vehicle licence, private hire operator licence';
    assert.deepEqual(problemsOf(licenceInput, {}), [
      'number: Enter the licence number',
      kind,
      'appliedOn: Enter the date of the application',
    ]);
    assert.deepEqual(problemsOf(licenceInput, { ...valid, kind: 'taxi' }), [kind]);
  });

  test('refuses an over-long number or conditions and a date that is not real', () => {
    assert.deepEqual(
      problemsOf(licenceInput, { ...valid, number: 'P'.repeat(41), conditions: 'c'.repeat(5001) }),
      [
        'number: The licence number must be 40 characters or fewer',
        'conditions: Conditions must be 5000 characters or fewer',
      ],
    );
    for (const appliedOn of BAD_DATES)
      assert.deepEqual(problemsOf(licenceInput, { ...valid, appliedOn }), [
        `appliedOn: ${realDate('The date of the application', '2015-11-02')}`,
      ]);
  });
});

describe('a check', () => {
  const valid = {
    kind: 'dbs_enhanced',
    doneOn: '2015-10-01',
    outcome: 'clear',
    certificateNumber: ' 001234567890 ',
    barredLists: ['children', 'adults'],
  };

  test('takes the barred lists as a form sends them: none, one or several', () => {
    const check = parsed(checkInput, valid);
    assert.equal(check.certificateNumber, '001234567890');
    assert.deepEqual(check.barredLists, ['children', 'adults']);
    assert.deepEqual(parsed(checkInput, { ...valid, barredLists: 'adults' }).barredLists, ['adults']);
    const { barredLists: _, ...none } = valid;
    assert.deepEqual(parsed(checkInput, { ...none, certificateNumber: '', course: '', validUntil: '' }), {
      ...none,
      certificateNumber: null,
      barredLists: [],
      course: null,
      validUntil: null,
    });
  });

  test('names the kinds of check and the outcomes it allows', () => {
    assert.deepEqual(problemsOf(checkInput, { ...valid, kind: 'dbs', outcome: 'ok' }), [
      'kind: Select the kind of check: enhanced DBS certificate, DBS update service subscription, DBS update service status check, basic DBS certificate, DVLA driving licence check, right to work check, medical (Group 2 standard), safeguarding training, vehicle inspection',
      'outcome: Select what the check found: clear, information disclosed or failed',
    ]);
    assert.deepEqual(problemsOf(checkInput, { ...valid, barredLists: ['children', 'kids'] }), [
      'barredLists.1: Select the children’s or adults’ barred list',
    ]);
  });

  test('refuses a date done or valid until that is not real, and an over-long number or course', () => {
    for (const date of BAD_DATES)
      assert.deepEqual(problemsOf(checkInput, { ...valid, doneOn: date, validUntil: date }), [
        `doneOn: ${realDate('The date of the check', '2015-10-01')}`,
        `validUntil: ${realDate('The date it runs until', '2016-10-01')}`,
      ]);
    assert.deepEqual(problemsOf(checkInput, { ...valid, doneOn: '' }), [
      'doneOn: Enter the date of the check',
    ]);
    assert.deepEqual(
      problemsOf(checkInput, { ...valid, certificateNumber: '1'.repeat(41), course: 'c'.repeat(301) }),
      [
        'certificateNumber: The certificate number must be 40 characters or fewer',
        'course: The course must be 300 characters or fewer',
      ],
    );
  });
});

describe('a refusal', () => {
  test('has its date and reasons', () => {
    assert.deepEqual(parsed(refusalInput, { refusedOn: '2015-11-27', reasons: ' Convictions ' }), {
      refusedOn: '2015-11-27',
      reasons: 'Convictions',
    });
    assert.deepEqual(problemsOf(refusalInput, { refusedOn: ' ', reasons: ' ' }), [
      'refusedOn: Enter the date of the refusal',
      'reasons: Enter the reasons for the refusal',
    ]);
    assert.deepEqual(problemsOf(refusalInput, { refusedOn: '2015-02-29', reasons: 'r'.repeat(5001) }), [
      `refusedOn: ${realDate('The date of the refusal', '2015-11-27')}`,
      'reasons: The reasons for the refusal must be 5000 characters or fewer',
    ]);
  });
});

describe('the steps of a review case', () => {
  test('an investigation has the day it started', () => {
    assert.deepEqual(parsed(investigationInput, { startedOn: '2015-03-09' }), { startedOn: '2015-03-09' });
    assert.deepEqual(problemsOf(investigationInput, {}), [
      'startedOn: Enter the date the investigation started',
    ]);
    assert.deepEqual(problemsOf(investigationInput, { startedOn: '9 March 2015' }), [
      `startedOn: ${realDate('The date the investigation started', '2015-03-09')}`,
    ]);
  });

  test('an adjournment has its date and why', () => {
    assert.deepEqual(parsed(adjournInput, { adjournedOn: '2015-12-10', reason: ' Illness ' }), {
      adjournedOn: '2015-12-10',
      reason: 'Illness',
    });
    assert.deepEqual(problemsOf(adjournInput, {}), [
      'adjournedOn: Enter the date the hearing was adjourned',
      'reason: Enter why the hearing was adjourned',
    ]);
    assert.deepEqual(problemsOf(adjournInput, { adjournedOn: '2015-12-32', reason: 'r'.repeat(2001) }), [
      `adjournedOn: ${realDate('The date the hearing was adjourned', '2015-12-10')}`,
      'reason: Why the hearing was adjourned must be 2000 characters or fewer',
    ]);
  });

  test('closing a case has its date and why it closes without a hearing', () => {
    assert.deepEqual(parsed(closeInput, { closedOn: '2015-09-30', reason: 'Withdrawn' }), {
      closedOn: '2015-09-30',
      reason: 'Withdrawn',
    });
    assert.deepEqual(problemsOf(closeInput, { closedOn: '', reason: '\n' }), [
      'closedOn: Enter the date the case was closed',
      'reason: Enter why the case is closed without a hearing',
    ]);
    assert.deepEqual(problemsOf(closeInput, { closedOn: '2015-09-31', reason: 'r'.repeat(2001) }), [
      `closedOn: ${realDate('The date the case was closed', '2015-09-30')}`,
      'reason: Why the case is closed without a hearing must be 2000 characters or fewer',
    ]);
  });
});

describe('a vehicle check', () => {
  const valid = { holderId: UUID, checkedOn: '2015-11-20', announced: 'no', result: 'fail', notes: '' };

  test('has the vehicle, the date, whether it was announced, the result and optional notes', () => {
    assert.deepEqual(parsed(vehicleCheckInput, valid), {
      holderId: UUID,
      checkedOn: '2015-11-20',
      announced: false,
      result: 'fail',
      notes: null,
    });
    assert.equal(parsed(vehicleCheckInput, { ...valid, announced: 'yes' }).announced, true);
  });

  test('names what it allows for each field', () => {
    const expected = [
      'holderId: Select the vehicle',
      'checkedOn: Enter the date of the check',
      'announced: Select whether the check was announced beforehand',
      'result: Select the result: pass, advisory or fail',
    ];
    assert.deepEqual(problemsOf(vehicleCheckInput, {}), expected);
    assert.deepEqual(
      problemsOf(vehicleCheckInput, { holderId: 'YT15 XYZ', checkedOn: '', announced: 'true', result: 'ok' }),
      expected,
    );
    assert.deepEqual(
      problemsOf(vehicleCheckInput, { ...valid, checkedOn: '2015-11-31', notes: 'n'.repeat(2001) }),
      [
        `checkedOn: ${realDate('The date of the check', '2015-11-20')}`,
        'notes: Notes must be 2000 characters or fewer',
      ],
    );
  });
});
