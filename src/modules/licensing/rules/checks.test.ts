import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkKindProblems, checkProblems, DBS_CERTIFICATE_NUMBER } from './checks.ts';
import { check } from './fixtures.ts';
import { checksFor } from './requirements.ts';
import { CHECK_KINDS, HOLDER_KINDS } from './types.ts';

const today = '2015-10-31';

describe('a DBS certificate number', () => {
  it('is exactly 12 digits', () => {
    assert.equal(DBS_CERTIFICATE_NUMBER.test('001234567890'), true);
    for (const wrong of [
      '00123456789',
      '0012345678901',
      '00123456789A',
      '0012 3456 7890',
      ' 001234567890',
      '',
    ])
      assert.equal(DBS_CERTIFICATE_NUMBER.test(wrong), false, wrong);
  });
});

describe('what a recorded check must say', () => {
  it('accepts a complete check of every kind, done today', () => {
    for (const kind of [
      'dbs_enhanced',
      'dbs_update_service',
      'dbs_status_check',
      'basic_dbs',
      'driving_licence',
      'right_to_work',
      'medical',
      'safeguarding_training',
      'vehicle_inspection',
    ] as const)
      assert.deepEqual(checkProblems(check({ id: 'c', kind, doneOn: today }), today), [], kind);
  });

  it('refuses a check dated after today', () => {
    assert.deepEqual(checkProblems(check({ id: 'c', kind: 'medical', doneOn: '2015-11-01' }), today), [
      {
        field: 'doneOn',
        message: 'The date of the check must be today or in the past (today is 31 October 2015)',
      },
    ]);
  });

  it('asks an enhanced or basic DBS certificate for its 12-digit number', () => {
    for (const kind of ['dbs_enhanced', 'basic_dbs'] as const) {
      assert.deepEqual(
        checkProblems(check({ id: 'c', kind, doneOn: today, certificateNumber: null }), today),
        [{ field: 'certificateNumber', message: 'Enter the DBS certificate number' }],
      );
      assert.deepEqual(
        checkProblems(check({ id: 'c', kind, doneOn: today, certificateNumber: '0012345678' }), today),
        [
          {
            field: 'certificateNumber',
            message: 'The DBS certificate number must be 12 digits, like 001234567890',
          },
        ],
      );
    }
  });

  it('refuses a certificate number on any check that is not a DBS certificate', () => {
    assert.deepEqual(
      checkProblems(
        check({ id: 'c', kind: 'dbs_status_check', doneOn: today, certificateNumber: '001234567890' }),
        today,
      ),
      [{ field: 'certificateNumber', message: 'Only a DBS certificate has a certificate number' }],
    );
  });

  it('asks an enhanced DBS certificate for the children’s barred list check', () => {
    assert.deepEqual(
      checkProblems(check({ id: 'c', kind: 'dbs_enhanced', doneOn: today, barredLists: ['adults'] }), today),
      [
        {
          field: 'barredLists',
          message: 'An enhanced DBS certificate for a licence must include the children’s barred list check',
        },
      ],
    );
  });

  it('asks an enhanced DBS certificate for the adults’ barred list check', () => {
    const problems = checkProblems(
      check({ id: 'c', kind: 'dbs_enhanced', doneOn: today, barredLists: ['children'] }),
      today,
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['barredLists'],
    );
    assert.match(
      problems[0]?.message ?? '',
      /^An enhanced DBS certificate for a licence must include the adults/,
    );
  });

  it('writes the adults’ barred list with the apostrophe after the s, not “adults’s”', () => {
    assert.deepEqual(
      checkProblems(
        check({ id: 'c', kind: 'dbs_enhanced', doneOn: today, barredLists: ['children'] }),
        today,
      ),
      [
        {
          field: 'barredLists',
          message: 'An enhanced DBS certificate for a licence must include the adults’ barred list check',
        },
      ],
    );
  });

  it('asks for each barred list missing, children’s first', () => {
    const problems = checkProblems(
      check({ id: 'c', kind: 'dbs_enhanced', doneOn: today, barredLists: [] }),
      today,
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0]?.message ?? '', /children’s barred list/);
    assert.match(problems[1]?.message ?? '', /adults/);
  });

  it('refuses barred lists on any check that is not an enhanced DBS certificate', () => {
    assert.deepEqual(
      checkProblems(check({ id: 'c', kind: 'basic_dbs', doneOn: today, barredLists: ['children'] }), today),
      [
        {
          field: 'barredLists',
          message: 'Only an enhanced DBS certificate is checked against the barred lists',
        },
      ],
    );
  });

  it('asks safeguarding training for its course, and refuses a course on any other check', () => {
    assert.deepEqual(
      checkProblems(check({ id: 'c', kind: 'safeguarding_training', doneOn: today, course: null }), today),
      [{ field: 'course', message: 'Enter the safeguarding course attended' }],
    );
    assert.deepEqual(
      checkProblems(check({ id: 'c', kind: 'medical', doneOn: today, course: 'First aid' }), today),
      [{ field: 'course', message: 'Only safeguarding training has a course' }],
    );
  });

  it('refuses an end date before the check was done, and accepts one on the same day', () => {
    assert.deepEqual(
      checkProblems(
        check({ id: 'c', kind: 'right_to_work', doneOn: '2015-10-01', validUntil: '2015-09-30' }),
        today,
      ),
      [{ field: 'validUntil', message: 'The end date must be the same as or after the date of the check' }],
    );
    assert.deepEqual(
      checkProblems(
        check({ id: 'c', kind: 'right_to_work', doneOn: '2015-10-01', validUntil: '2015-10-01' }),
        today,
      ),
      [],
    );
  });

  it('lists every problem at once, in the order of the form', () => {
    const wrong = check({
      id: 'c',
      kind: 'driving_licence',
      doneOn: '2015-12-01',
      certificateNumber: '1',
      barredLists: ['adults'],
      course: 'Customer care',
      validUntil: '2015-11-30',
    });
    assert.deepEqual(
      checkProblems(wrong, today).map((p) => p.field),
      ['doneOn', 'certificateNumber', 'barredLists', 'course', 'validUntil'],
    );
  });
});

describe('which checks a holder can have', () => {
  it('gives a driver the driver’s seven, a vehicle its inspection and an operator a basic DBS and right to work', () => {
    assert.deepEqual(checksFor('driver'), [
      'dbs_enhanced',
      'dbs_update_service',
      'dbs_status_check',
      'driving_licence',
      'right_to_work',
      'medical',
      'safeguarding_training',
    ]);
    assert.deepEqual(checksFor('vehicle'), ['vehicle_inspection']);
    assert.deepEqual(checksFor('operator'), ['basic_dbs', 'right_to_work']);
  });

  it('accepts exactly those kinds for each holder and refuses every other, naming the kinds allowed', () => {
    for (const holder of HOLDER_KINDS)
      for (const kind of CHECK_KINDS) {
        const problems = checkKindProblems(holder, kind);
        if (checksFor(holder).includes(kind)) assert.deepEqual(problems, [], `${kind} for a ${holder}`);
        else
          assert.deepEqual(
            problems.map((p) => p.field),
            ['kind'],
            `${kind} for a ${holder}`,
          );
      }
    assert.equal(
      checkKindProblems('operator', 'dbs_enhanced')[0]?.message,
      'An enhanced DBS certificate is not a check of an operator. Choose one of: basic DBS certificate, right to work check',
    );
  });
});
