import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionProblems, managementActionProblems, rebaselineProblems } from './problems.ts';

const today = '2015-10-31';
const started = { startOn: '2015-04-01' };

describe('problems with marking a milestone done', () => {
  const good = { completedOn: '2015-10-20', evidenceKind: 'document', evidence: 'Improvement Board minutes' };
  const problems = (input: Partial<typeof good> | Record<string, string | null>) =>
    completionProblems({ ...good, ...input }, started, today);

  it('are none with a date, a kind of evidence and the evidence', () => {
    assert.deepEqual(problems({}), []);
    assert.deepEqual(problems({ completedOn: today }), []);
    assert.deepEqual(problems({ completedOn: started.startOn }), []);
  });

  it('refuse a completion without evidence, saying what to give for each kind', () => {
    assert.deepEqual(problems({ evidenceKind: null, evidence: null }), [
      {
        field: 'evidenceKind',
        message: 'Choose the kind of evidence: a document, a link or a record in Fresh Start',
      },
      {
        field: 'evidence',
        message: 'Enter the evidence that the milestone is done: a document, a link or a record',
      },
    ]);
    assert.deepEqual(problems({ evidence: '  ' }), [
      { field: 'evidence', message: 'Enter the document’s title and reference' },
    ]);
    assert.equal(
      problems({ evidenceKind: 'link', evidence: null })[0]?.message,
      'Enter the link to the evidence',
    );
    assert.equal(
      problems({ evidenceKind: 'record', evidence: '' })[0]?.message,
      'Enter the record in Fresh Start that shows it is done',
    );
  });

  it('refuse a kind of evidence it does not know', () => {
    assert.deepEqual(
      problems({ evidenceKind: 'rumour' }).map((p) => p.field),
      ['evidenceKind'],
    );
    assert.deepEqual(
      problems({ evidenceKind: 'constructor' }).map((p) => p.field),
      ['evidenceKind'],
    );
  });

  it('take a link only as an http or https web address', () => {
    const link = (evidence: string) => problems({ evidenceKind: 'link', evidence });
    assert.deepEqual(link('https://www.rotherham.gov.uk/improvement-board/minutes'), []);
    assert.deepEqual(link('http://example.org/report.pdf'), []);
    const refused = [
      { field: 'evidence', message: 'Enter the link as a web address starting with https:// or http://' },
    ];
    assert.deepEqual(link('www.rotherham.gov.uk/minutes'), refused);
    assert.deepEqual(link('ftp://example.org/report.pdf'), refused);
    assert.deepEqual(link('javascript:alert(1)'), refused);
  });

  it('take a record only as entity-type/uuid', () => {
    const record = (evidence: string) => problems({ evidenceKind: 'record', evidence });
    assert.deepEqual(record('decision/0f8fad5b-d9cb-469f-a165-70867728950e'), []);
    assert.deepEqual(record('management_action/0F8FAD5B-D9CB-469F-A165-70867728950E'), []);
    const refused = [
      {
        field: 'evidence',
        message: 'Enter the record as its type and id, like decision/0f8fad5b-d9cb-469f-a165-70867728950e',
      },
    ];
    assert.deepEqual(record('0f8fad5b-d9cb-469f-a165-70867728950e'), refused);
    assert.deepEqual(record('decision/42'), refused);
    assert.deepEqual(record('the minutes'), refused);
  });

  it('refuse a date that is not real, in the future, or before the project started', () => {
    assert.deepEqual(problems({ completedOn: '2015-09-31' }), [
      { field: 'completedOn', message: 'Enter the date it was completed as a real date, like 2015-10-31' },
    ]);
    assert.deepEqual(problems({ completedOn: '2015-11-01' }), [
      { field: 'completedOn', message: 'The date it was completed cannot be in the future' },
    ]);
    assert.deepEqual(problems({ completedOn: '2015-03-31' }), [
      {
        field: 'completedOn',
        message: 'The date it was completed cannot be before the project started on 1 April 2015',
      },
    ]);
  });
});

describe('problems with moving a due date', () => {
  const good = {
    toDate: '2016-03-31',
    reason: 'The new case management system is late',
    approvedBy: 'Lead Commissioner',
    approvedOn: '2015-10-15',
  };
  const problems = (input: Partial<typeof good>, currentDue = '2015-12-31') =>
    rebaselineProblems({ ...good, ...input }, currentDue, today);

  it('are none with a new date, a reason and an approver', () => {
    assert.deepEqual(problems({}), []);
    assert.deepEqual(problems({ toDate: '2015-11-30', approvedOn: today }), []);
  });

  it('refuse a move without a reason or an approver', () => {
    assert.deepEqual(problems({ reason: ' ', approvedBy: '' }), [
      { field: 'reason', message: 'Enter the reason the date is moving' },
      { field: 'approvedBy', message: 'Enter who approved the new date: a person or a board' },
    ]);
  });

  it('refuse a new date that is not a date or is the date already in force', () => {
    assert.deepEqual(problems({ toDate: '31/03/2016' }), [
      { field: 'toDate', message: 'Enter the new due date as a real date, like 2016-03-31' },
    ]);
    assert.deepEqual(problems({ toDate: '2015-12-31' }), [
      {
        field: 'toDate',
        message: 'The new due date is the one already in force, 31 December 2015: enter a different date',
      },
    ]);
  });

  it('refuse an approval dated in the future or not a real date', () => {
    assert.deepEqual(problems({ approvedOn: '2015-11-01' }), [
      { field: 'approvedOn', message: 'The date it was approved cannot be in the future' },
    ]);
    assert.deepEqual(
      problems({ approvedOn: '' }).map((p) => p.field),
      ['approvedOn'],
    );
  });
});

describe('problems with a management action', () => {
  const good = {
    action: 'Agency social workers to clear the backlog of assessments',
    owner: 'Director of Children’s Services',
    agreedOn: '2015-10-01',
    dueOn: '2015-11-30',
  };
  const problems = (input: Partial<typeof good>) => managementActionProblems({ ...good, ...input }, today);

  it('are none with an action, an owner and its dates', () => {
    assert.deepEqual(problems({}), []);
    assert.deepEqual(problems({ agreedOn: today, dueOn: today }), []);
  });

  it('refuse an action without words or an owner', () => {
    assert.deepEqual(problems({ action: '', owner: '  ' }), [
      { field: 'action', message: 'Enter the management action: what will be done to recover' },
      { field: 'owner', message: 'Enter the owner: who is responsible for the action' },
    ]);
  });

  it('refuse a due date before the date agreed', () => {
    assert.deepEqual(problems({ dueOn: '2015-09-30' }), [
      {
        field: 'dueOn',
        message: 'The date it is due cannot be before the date it was agreed, 1 October 2015',
      },
    ]);
  });

  it('refuse an agreement dated in the future, and dates that are not real', () => {
    assert.deepEqual(problems({ agreedOn: '2015-11-01' }), [
      { field: 'agreedOn', message: 'The date it was agreed cannot be in the future' },
    ]);
    assert.deepEqual(problems({ agreedOn: '2015-02-29', dueOn: 'soon' }), [
      { field: 'agreedOn', message: 'Enter the date it was agreed as a real date, like 2015-10-31' },
      { field: 'dueOn', message: 'Enter the date it is due as a real date, like 2015-11-30' },
    ]);
  });
});
