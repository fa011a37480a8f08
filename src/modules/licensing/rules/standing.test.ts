import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from './fixtures.ts';
import {
  checkPositions,
  checkStandings,
  DUE_WITHIN_DAYS,
  standingAllowsGrant,
  withMessage,
} from './standing.ts';
import { CHECK_STANDINGS, type CheckFacts } from './types.ts';

/** The standing of one kind of check on a day. */
const standingOf = (
  kind: CheckFacts['kind'],
  checks: CheckFacts[],
  on: string,
  dateOfBirth: string | null = null,
) => checkPositions([kind], checks, dateOfBirth, on)[0];

describe('where a check stands on the days around its end', () => {
  // A status check done on 1 June 2015 runs out on 1 December 2015.
  const statusCheck = [check({ id: 's1', kind: 'dbs_status_check', doneOn: '2015-06-01' })];

  it('is due from 30 days before it runs out', () => {
    assert.equal(DUE_WITHIN_DAYS, 30);
  });

  it('is current until 31 days before it runs out', () => {
    assert.deepEqual(standingOf('dbs_status_check', statusCheck, '2015-10-31'), {
      kind: 'dbs_status_check',
      standing: 'current',
      checkId: 's1',
      doneOn: '2015-06-01',
      runsOutOn: '2015-12-01',
      limit: 'period',
      message:
        'The DBS update service status check is current until 1 December 2015: the last was on 1 June 2015',
    });
  });

  it('is due from 30 days before it runs out up to and including its last day', () => {
    for (const on of ['2015-11-01', '2015-11-20', '2015-12-01'])
      assert.equal(standingOf('dbs_status_check', statusCheck, on)?.standing, 'due', on);
    assert.equal(
      standingOf('dbs_status_check', statusCheck, '2015-11-01')?.message,
      'The DBS update service status check is due: the last was on 1 June 2015 and it runs out on 1 December 2015',
    );
  });

  it('is overdue from the day after it runs out', () => {
    const p = standingOf('dbs_status_check', statusCheck, '2015-12-02');
    assert.equal(p?.standing, 'overdue');
    assert.equal(
      p?.message,
      'The DBS update service status check is overdue: the last was on 1 June 2015 and it ran out on 1 December 2015',
    );
  });

  it('follows the worked example: a status check of 2 March 2015 is overdue on 27 November 2015', () => {
    const march = [check({ id: 's', kind: 'dbs_status_check', doneOn: '2015-03-02' })];
    assert.equal(standingOf('dbs_status_check', march, '2015-11-27')?.standing, 'overdue');
  });
});

describe('a required check never done', () => {
  it('is missing, with nothing to rest on', () => {
    assert.deepEqual(standingOf('driving_licence', [], '2015-10-31'), {
      kind: 'driving_licence',
      standing: 'missing',
      checkId: null,
      doneOn: null,
      runsOutOn: null,
      limit: null,
      message: 'The DVLA driving licence check is missing: none is recorded',
    });
  });

  it('is missing when it was only done after the day asked about', () => {
    const later = [check({ id: 'd1', kind: 'driving_licence', doneOn: '2015-11-01' })];
    assert.equal(standingOf('driving_licence', later, '2015-10-31')?.standing, 'missing');
    assert.equal(standingOf('driving_licence', later, '2015-11-01')?.standing, 'current');
  });

  it('is missing when only checks of other kinds are recorded', () => {
    const other = [check({ id: 'm1', kind: 'medical', doneOn: '2015-06-01' })];
    assert.equal(standingOf('driving_licence', other, '2015-10-31')?.standing, 'missing');
  });
});

describe('an enhanced DBS certificate without both barred lists', () => {
  const childrenOnly = check({
    id: 'e2',
    kind: 'dbs_enhanced',
    doneOn: '2015-06-01',
    barredLists: ['children'],
  });

  it('does not count: the certificate is missing, and the message says why', () => {
    assert.deepEqual(standingOf('dbs_enhanced', [childrenOnly], '2015-10-31'), {
      kind: 'dbs_enhanced',
      standing: 'missing',
      checkId: null,
      doneOn: null,
      runsOutOn: null,
      limit: null,
      message:
        'The enhanced DBS certificate is missing: none checked against both the children’s and adults’ barred lists is recorded',
    });
  });

  it('does not displace an earlier certificate that counts', () => {
    const full = check({ id: 'e1', kind: 'dbs_enhanced', doneOn: '2013-01-10' });
    const p = standingOf('dbs_enhanced', [full, childrenOnly], '2015-10-31');
    assert.equal(p?.checkId, 'e1');
    assert.equal(p?.standing, 'current');
    assert.equal(p?.runsOutOn, '2016-01-10');
  });
});

describe('the check a standing rests on', () => {
  it('is the latest done on or before the day, whatever the order of the list', () => {
    const checks = [
      check({ id: 'b', kind: 'medical', doneOn: '2014-05-01' }),
      check({ id: 'c', kind: 'medical', doneOn: '2015-12-01' }),
      check({ id: 'a', kind: 'medical', doneOn: '2010-05-01' }),
    ];
    assert.equal(standingOf('medical', checks, '2015-10-31')?.checkId, 'b');
    assert.equal(standingOf('medical', [...checks].reverse(), '2015-10-31')?.checkId, 'b');
  });

  it('is the one with the greater id of two done on the same day', () => {
    const checks = [
      check({ id: 'm2', kind: 'medical', doneOn: '2015-05-01', outcome: 'failed' }),
      check({ id: 'm1', kind: 'medical', doneOn: '2015-05-01' }),
    ];
    assert.equal(standingOf('medical', checks, '2015-10-31')?.checkId, 'm2');
    assert.equal(standingOf('medical', [...checks].reverse(), '2015-10-31')?.checkId, 'm2');
  });
});

describe('a failed check', () => {
  it('stands as failed when it is the latest, even within its period', () => {
    const checks = [
      check({ id: 'm1', kind: 'medical', doneOn: '2013-05-01' }),
      check({ id: 'm2', kind: 'medical', doneOn: '2015-05-01', outcome: 'failed' }),
    ];
    const p = standingOf('medical', checks, '2015-10-31');
    assert.equal(p?.standing, 'failed');
    assert.equal(p?.checkId, 'm2');
    assert.equal(p?.message, 'The medical (Group 2 standard) failed: the last was on 1 May 2015');
  });

  it('no longer stands once a later check is clear', () => {
    const checks = [
      check({ id: 'm1', kind: 'medical', doneOn: '2015-05-01', outcome: 'failed' }),
      check({ id: 'm2', kind: 'medical', doneOn: '2015-07-01' }),
    ];
    assert.equal(standingOf('medical', checks, '2015-06-30')?.standing, 'failed');
    assert.equal(standingOf('medical', checks, '2015-07-01')?.standing, 'current');
  });
});

describe('other standings', () => {
  it('counts a check that disclosed information as current: the officer weighs it, the gate does not', () => {
    const disclosed = [
      check({ id: 'e1', kind: 'dbs_enhanced', doneOn: '2015-06-01', outcome: 'information_disclosed' }),
    ];
    assert.equal(standingOf('dbs_enhanced', disclosed, '2015-10-31')?.standing, 'current');
  });

  it('keeps a right to work without a time limit current for good', () => {
    const rtw = [check({ id: 'r1', kind: 'right_to_work', doneOn: '2001-01-02' })];
    assert.deepEqual(standingOf('right_to_work', rtw, '2030-01-01'), {
      kind: 'right_to_work',
      standing: 'current',
      checkId: 'r1',
      doneOn: '2001-01-02',
      runsOutOn: null,
      limit: null,
      message: 'The right to work check is current: the last was on 2 January 2001',
    });
  });

  it('makes a five-yearly medical overdue the day after the driver turns 65', () => {
    const medical = [check({ id: 'm1', kind: 'medical', doneOn: '2013-03-01' })];
    const p = standingOf('medical', medical, '2015-06-16', '1950-06-15');
    assert.equal(p?.standing, 'overdue');
    assert.equal(p?.limit, 'age');
    assert.equal(p?.runsOutOn, '2015-06-15');
    assert.equal(standingOf('medical', medical, '2015-06-16')?.standing, 'current');
  });

  it('gives one position per required check, in the order asked for', () => {
    const checks = [check({ id: 'd1', kind: 'driving_licence', doneOn: '2015-06-01' })];
    assert.deepEqual(
      checkPositions(['medical', 'driving_licence'], checks, null, '2015-10-31').map((p) => [
        p.kind,
        p.standing,
      ]),
      [
        ['medical', 'missing'],
        ['driving_licence', 'current'],
      ],
    );
  });
});

describe('which standings let a licence be granted', () => {
  it('is current and due only', () => {
    assert.deepEqual(CHECK_STANDINGS.filter(standingAllowsGrant), ['current', 'due']);
  });
});

describe('standings without their sentences', () => {
  it('are the positions with their messages left out, kind by kind', () => {
    const checks = [
      check({ id: 'a', kind: 'dbs_status_check', doneOn: '2015-03-02' }),
      check({ id: 'b', kind: 'medical', doneOn: '2015-01-10', outcome: 'failed' }),
      check({ id: 'c', kind: 'driving_licence', doneOn: '2015-11-01' }),
    ];
    const kinds = ['dbs_status_check', 'medical', 'driving_licence', 'right_to_work'] as const;
    const positions = checkPositions(kinds, checks, '1950-05-01', '2015-11-27');
    const standings = checkStandings(kinds, checks, '1950-05-01', '2015-11-27');
    assert.deepEqual(
      standings,
      positions.map(({ message: _, ...p }) => p),
    );
    assert.deepEqual(
      standings.map((s) => s.standing),
      ['overdue', 'failed', 'current', 'missing'],
    );
    assert.deepEqual(standings.map(withMessage), positions);
  });
});
