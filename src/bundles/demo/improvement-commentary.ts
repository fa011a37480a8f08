/*
 * A few notes on projects of the Fresh Start plan, as the programme office and
 * the boards might write them. Commentary never sets a status: it says why.
 * All are illustrative except where a note cites seed 001's figures.
 */
import { stableId } from './ids.ts';
import { type ImprovementSection, NOT_WITHDRAWN, type ProjectRow } from './improvement-model.ts';

const PMO = 'Programme Management Office';
const CHILDREN_BOARD = 'Children, Young People and Families Improvement Board';

const NOTES: [ref: string, writtenOn: string, author: string, body: string][] = [
  [
    'CYP-09',
    '2015-08-12',
    PMO,
    'Second re-baseline of the structure approved. The board asked that any further slippage come with a management action, not another new date. (Illustrative note.)',
  ],
  [
    'CSE-04',
    '2015-10-09',
    PMO,
    'The independent chair is still to be appointed after a second round; a search agency is being engaged. Staff are in post and in the new premises, so the launch in the New Year is not yet at risk. (Illustrative note.)',
  ],
  [
    'CYP-06',
    '2015-10-16',
    CHILDREN_BOARD,
    'Ofsted found the duty team’s assessments poor despite the extra resources and systems. The board asked for the weekly audit results until quality is secure. (Illustrative note.)',
  ],
  [
    'FIN-04',
    '2015-10-28',
    'Improvement Board',
    'The weekly placements panel accepted as the management action, due by 18 December 2015. (Illustrative note.)',
  ],
  [
    'LIC-05',
    '2015-11-25',
    PMO,
    'Seed 001: 24 cases heard so far — 16 licences revoked, 1 suspended, 4 formal warnings and 3 with no further action. The other 41 are to be heard by the end of March 2016.',
  ],
  [
    'GOV-10',
    '2015-12-10',
    PMO,
    'The Corporate Plan and Performance Management Framework went to Council on 9 December 2015, as seed 001 says they would. (Illustrative note.)',
  ],
  [
    'SVC-14',
    '2016-02-10',
    PMO,
    'Testing of the new lanterns is six weeks late and no recovery action has been agreed, so the project is off track until one is. (Illustrative note.)',
  ],
];

/** The notes, on the plan's `projects` by reference. */
export function commentaryOf(projects: readonly ProjectRow[]): ImprovementSection['commentary'] {
  return NOTES.map(([ref, writtenOn, author, body]) => {
    const project = projects.find((p) => p.ref === ref);
    if (!project) throw new Error(`The demo plan has no project ${ref}.`);
    return {
      id: stableId(`improvement:commentary:fresh-start:${ref}:${writtenOn}`),
      projectId: project.id,
      writtenOn,
      author,
      body,
      ...NOT_WITHDRAWN,
    };
  });
}
