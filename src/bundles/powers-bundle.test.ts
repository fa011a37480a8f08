import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { getTableColumns } from 'drizzle-orm';
import { bundleProblems } from '../../test/support/bundle-problems.ts';
import { powersSection } from '../../test/support/powers-bundle.ts';
import { DEMO_BUNDLE_FILE } from './demo/index.ts';
import { parseBundle } from './import.ts';
import { bundlePowers, fieldsOf } from './powers-schema.ts';
import { POWERS_TABLES } from './powers-tables.ts';
import type { BundleProblem } from './problems.ts';

// `any` on purpose: a bundle under test is any JSON, and the cases reach into it freely.
type Json = any;
const demoJson: Json = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));
const COMMISSIONER = demoJson.people[0].id;
const LEADER = demoJson.people[5].id;
const OTHER = '11111111-1111-4111-8111-111111111111';

/** The demo bundle with a valid Powers section naming its people. */
function withPowers(): Json {
  return {
    ...structuredClone(demoJson),
    powers: powersSection({ commissioner: COMMISSIONER, leader: LEADER }),
    // The demo's Licensing records name its own Powers records, which this section replaces.
    licensing: {},
  };
}

const problemsOf = (mutate: (b: Json) => unknown): BundleProblem[] => bundleProblems(withPowers, mutate);

describe('the Powers section of a bundle', () => {
  it('has, for each list, the fields of its table in the same order, without the council', () => {
    for (const { list, entity } of POWERS_TABLES) {
      const columns = Object.keys(getTableColumns(entity.table)).filter((c) => c !== 'councilId');
      assert.deepEqual(fieldsOf(list), columns, list);
    }
    assert.deepEqual(Object.keys(bundlePowers.shape).sort(), POWERS_TABLES.map((t) => t.list).sort());
  });

  it('is accepted as written when every record is valid and consistent', () => {
    const bundle = withPowers();
    assert.deepEqual(parseBundle(bundle).powers, bundle.powers);
  });

  it('is empty when a bundle has none, and each list is empty when it is left out', () => {
    const { powers: _, ...withoutPowers } = withPowers();
    assert.deepEqual(Object.values(parseBundle(withoutPowers).powers), Array(11).fill([]));
    const bundle = { ...withoutPowers, powers: { functions: withPowers().powers.functions } };
    const { powers } = parseBundle(bundle);
    assert.equal(powers.functions.length, 2);
    assert.deepEqual(powers.decisions, []);
  });

  it('fills in null for a nullable field that is left out', () => {
    const bundle = withPowers();
    const { proposedById, proposal, withdrawnAt, withdrawnReason, ...decision } = bundle.powers.decisions[1];
    bundle.powers.decisions[1] = decision;
    const parsed = parseBundle(bundle).powers.decisions[1];
    assert.deepEqual([parsed?.proposedById, parsed?.proposal, parsed?.withdrawnAt], [null, null, null]);
  });

  const P = '$.powers';
  const cases: [string, (p: Json, b: Json) => unknown, string, RegExp][] = [
    // Shape and values.
    ['an unknown list', (p) => void (p.extra = []), `${P}.extra`, /not a known field/],
    [
      'an unknown field on a record',
      (p) => void (p.functions[0].nickname = 'roads'),
      `${P}.functions[0].nickname`,
      /not a known field/,
    ],
    [
      'the council’s id on a record, which is the bundle’s',
      (p, b) => void (p.decisions[0].councilId = b.council.id),
      `${P}.decisions[0].councilId`,
      /not a known field/,
    ],
    [
      'text with the NUL character',
      (p) => void (p.directions[0].body = 'Direction\u0000'),
      `${P}.directions[0].body`,
      /NUL/,
    ],
    [
      'the text of a Direction longer than 100,000 characters',
      (p) => void (p.directions[1].body = 'x'.repeat(100_001)),
      `${P}.directions[1].body`,
      /100000 characters or fewer/,
    ],
    ['an empty code', (p) => void (p.functions[1].code = ''), `${P}.functions[1].code`, /not be empty/],
    ['an unknown mode', (p) => void (p.provisions[2].mode = 'mayor'), `${P}.provisions[2].mode`, /council/],
    [
      'an unknown step',
      (p) => void (p.restorationSteps[1].step = 'vote'),
      `${P}.restorationSteps[1].step`,
      /lay_panel/,
    ],
    [
      'a date that does not exist',
      (p) => void (p.decisions[1].decidedOn = '2015-02-30'),
      `${P}.decisions[1].decidedOn`,
      /real date/,
    ],
    [
      'a yes or no that is text',
      (p) => void (p.decisions[0].meetingPublic = 'yes'),
      `${P}.decisions[0].meetingPublic`,
      /expected boolean/,
    ],
    [
      'a reference that is not a UUID',
      (p) => void (p.allocations[0].functionId = 'exec-highways'),
      `${P}.allocations[0].functionId`,
      /UUID/,
    ],
    [
      'a withdrawal without its reason',
      (p) => void (p.restorations[1].withdrawnAt = '2017-02-01T00:00:00.000Z'),
      `${P}.restorations[1].withdrawnReason`,
      /both withdrawnAt and withdrawnReason/,
    ],
    // Dates in order.
    [
      'a Direction in force before it was made',
      (p) => void (p.directions[1].inForceFrom = '2016-03-19'),
      `${P}.directions[1].inForceFrom`,
      /after madeOn/,
    ],
    [
      'a Direction that ends before it is in force',
      (p) => void (p.directions[0].inForceUntil = '2015-02-25'),
      `${P}.directions[0].inForceUntil`,
      /after inForceFrom/,
    ],
    [
      'an appointment that ends before it starts',
      (p) => void (p.commissionerAppointments[0].toDate = '2015-01-01'),
      `${P}.commissionerAppointments[0].toDate`,
      /after fromDate/,
    ],
    [
      'an allocation that ends before it starts',
      (p) => void (p.allocations[1].toDate = '2015-02-25'),
      `${P}.allocations[1].toDate`,
      /after fromDate/,
    ],
    [
      'a restoration to take effect before it was opened',
      (p) => void (p.restorations[0].proposedEffectiveDate = '2015-10-31'),
      `${P}.restorations[0].proposedEffectiveDate`,
      /after openedOn/,
    ],
    [
      'a pause resolved before it began',
      (p) => void (p.restorationPauses[0].resolvedOn = '2016-01-24'),
      `${P}.restorationPauses[0].resolvedOn`,
      /after pausedOn/,
    ],
    [
      'a pause resolved without saying how',
      (p) => void (p.restorationPauses[0].resolution = null),
      `${P}.restorationPauses[0].resolution`,
      /given when resolvedOn is/,
    ],
    [
      'a resolution without its date',
      (p) => void (p.restorationPauses[1].resolution = 'Investigation closed'),
      `${P}.restorationPauses[1].resolution`,
      /given when resolvedOn is/,
    ],
    // Unique within the bundle.
    [
      'a record with a person’s id',
      (p, b) => void (p.decisions[1].id = b.people[0].id),
      `${P}.decisions[1].id`,
      /already used at \$\.people\[0\]\.id/,
    ],
    [
      'one id in two Powers lists',
      (p) => void (p.representations[0].id = p.functions[1].id),
      `${P}.representations[0].id`,
      /already used at \$\.powers\.functions\[1\]\.id/,
    ],
    [
      'a function code used twice',
      (p) => void (p.functions[1].code = 'exec-highways'),
      `${P}.functions[1].code`,
      /code exec-highways is already used at \$\.powers\.functions\[0\]\.code/,
    ],
    [
      'a Direction providing twice for a function',
      (p) => void (p.provisions[1].functionId = p.provisions[0].functionId),
      `${P}.provisions[1].functionId`,
      /already provides for function .* at \$\.powers\.provisions\[0\]/,
    ],
    [
      'a restoration naming a function twice',
      (p) =>
        void Object.assign(p.restorationFunctions[1], {
          restorationId: p.restorationFunctions[0].restorationId,
          functionId: p.restorationFunctions[0].functionId,
        }),
      `${P}.restorationFunctions[1].functionId`,
      /already names function .* at \$\.powers\.restorationFunctions\[0\]/,
    ],
    [
      'a step recorded twice in a restoration',
      (p) => void (p.restorationSteps[2].step = 'expert_panel'),
      `${P}.restorationSteps[2].step`,
      /already records its expert_panel step at \$\.powers\.restorationSteps\[1\]/,
    ],
    // References.
    [
      'a Direction superseding one not in the bundle',
      (p) => void (p.directions[1].supersedesId = OTHER),
      `${P}.directions[1].supersedesId`,
      /must be the id of a Direction in \$\.powers\.directions; 1111/,
    ],
    [
      'a Direction superseding itself',
      (p) => void (p.directions[1].supersedesId = p.directions[1].id),
      `${P}.directions[1].supersedesId`,
      /own id/,
    ],
    [
      'a provision of an unknown Direction',
      (p) => void (p.provisions[0].directionId = OTHER),
      `${P}.provisions[0].directionId`,
      /a Direction in \$\.powers\.directions/,
    ],
    [
      'a provision of an unknown function',
      (p) => void (p.provisions[3].functionId = OTHER),
      `${P}.provisions[3].functionId`,
      /a function in \$\.powers\.functions/,
    ],
    [
      'an appointment of an unknown person',
      (p) => void (p.commissionerAppointments[0].personId = OTHER),
      `${P}.commissionerAppointments[0].personId`,
      /a person in \$\.people/,
    ],
    [
      'an allocation of an unknown function',
      (p) => void (p.allocations[3].functionId = OTHER),
      `${P}.allocations[3].functionId`,
      /a function in \$\.powers\.functions/,
    ],
    [
      'an allocation to an unknown person',
      (p) => void (p.allocations[2].personId = OTHER),
      `${P}.allocations[2].personId`,
      /a person in \$\.people/,
    ],
    [
      'an allocation by an unknown restoration',
      (p) => void (p.allocations[2].restorationId = OTHER),
      `${P}.allocations[2].restorationId`,
      /a restoration in \$\.powers\.restorations/,
    ],
    [
      'a restored function of an unknown restoration',
      (p) => void (p.restorationFunctions[0].restorationId = OTHER),
      `${P}.restorationFunctions[0].restorationId`,
      /a restoration in \$\.powers\.restorations/,
    ],
    [
      'a restored function that is not in the register',
      (p) => void (p.restorationFunctions[1].functionId = OTHER),
      `${P}.restorationFunctions[1].functionId`,
      /a function in \$\.powers\.functions/,
    ],
    [
      'a function returning to an unknown person',
      (p) => void (p.restorationFunctions[0].returnsToPersonId = OTHER),
      `${P}.restorationFunctions[0].returnsToPersonId`,
      /a person in \$\.people/,
    ],
    [
      'a step of an unknown restoration',
      (p) => void (p.restorationSteps[8].restorationId = OTHER),
      `${P}.restorationSteps[8].restorationId`,
      /a restoration in \$\.powers\.restorations/,
    ],
    [
      'a pause of an unknown restoration',
      (p) => void (p.restorationPauses[1].restorationId = OTHER),
      `${P}.restorationPauses[1].restorationId`,
      /a restoration in \$\.powers\.restorations/,
    ],
    [
      'a representation on an unknown restoration',
      (p) => void (p.representations[1].restorationId = OTHER),
      `${P}.representations[1].restorationId`,
      /a restoration in \$\.powers\.restorations/,
    ],
    [
      'a decision on an unknown function',
      (p) => void (p.decisions[0].functionId = OTHER),
      `${P}.decisions[0].functionId`,
      /a function in \$\.powers\.functions/,
    ],
    [
      'a decision proposed by an unknown person',
      (p) => void (p.decisions[0].proposedById = OTHER),
      `${P}.decisions[0].proposedById`,
      /a person in \$\.people/,
    ],
    [
      'a decision taken by an unknown person',
      (p) => void (p.decisions[1].decidedById = OTHER),
      `${P}.decisions[1].decidedById`,
      /a person in \$\.people; 1111/,
    ],
    // The Powers module's rules.
    [
      'two Directions providing for a function on the same day',
      (p) =>
        void Object.assign(p.directions[1], {
          madeOn: '2016-03-01',
          inForceFrom: '2016-03-01',
          supersedesId: null,
        }),
      `${P}.provisions[2].functionId`,
      /‘Highways and transport’ is already provided for by ‘Directions under section 15/,
    ],
    [
      'a Direction superseding a later one',
      (p) => void (p.directions[0].supersedesId = p.directions[1].id),
      `${P}.directions[0].supersedesId`,
      /can only supersede one that came into force before it/,
    ],
    [
      'a Direction providing for no function',
      (p) => void (p.provisions = p.provisions.filter((x: Json) => x.directionId !== p.directions[1].id)),
      `${P}.directions[1]`,
      /at least one function/,
    ],
    [
      'a step completed before the one it follows',
      (p) => void (p.restorationSteps[2].completedOn = '2016-01-25'),
      `${P}.restorationSteps[3].completedOn`,
      /after the date ‘.*’ was completed/,
    ],
    [
      'a step skipped',
      (p) =>
        void ((p.restorationSteps[2].withdrawnAt = '2016-02-01T00:00:00.000Z'),
        (p.restorationSteps[2].withdrawnReason = 'Not held')),
      `${P}.restorationSteps[3].step`,
      /^Complete ‘.*’ before/,
    ],
    [
      'a step completed while the proposal was paused',
      (p) => void (p.restorationPauses[0].resolvedOn = '2016-02-12'),
      `${P}.restorationSteps[4].step`,
      /paused since 25 January 2016/,
    ],
    [
      'a public notice completed before a representation had its response',
      (p) => void (p.representations[0].response = null),
      `${P}.restorationSteps[6].step`,
      /Record the Commissioners’ response to the representation from A resident/,
    ],
    [
      'functions returning before the proposed effective date',
      (p) => void (p.restorationSteps[7].completedOn = '2016-03-31'),
      `${P}.restorationSteps[7].completedOn`,
      /proposed effective date/,
    ],
    [
      'a decision taken by someone who did not hold the function',
      (p) => void (p.decisions[0].decidedById = LEADER),
      `${P}.decisions[0].decidedById`,
      /held by Lead Commissioner .* does not hold it/,
    ],
    [
      'a decision agreed as proposed that does not say what was proposed',
      (p) => void (p.decisions[0].proposal = null),
      `${P}.decisions[0].proposal`,
      /what was proposed/,
    ],
    [
      'a decision on a function that has been withdrawn',
      (p) =>
        void Object.assign(p.functions[1], {
          withdrawnAt: '2015-01-01T00:00:00.000Z',
          withdrawnReason: 'Error',
        }),
      `${P}.decisions[1].functionId`,
      /not been withdrawn/,
    ],
  ];
  for (const [what, mutate, path, message] of cases) {
    it(`refuses ${what}, naming ${path}`, () => {
      const problems = problemsOf((b) => mutate(b.powers, b));
      const problem = problems.find((p) => p.path === path);
      assert.ok(problem, `${path} is among ${JSON.stringify(problems)}`);
      assert.match(problem.message, message);
    });
  }

  it('does not apply the rules to a withdrawn record', () => {
    const bundle = withPowers();
    Object.assign(bundle.powers.decisions[0], {
      decidedById: LEADER,
      withdrawnAt: '2015-06-02T09:00:00.000Z',
      withdrawnReason: 'Taken by someone who did not hold the function',
    });
    assert.equal(parseBundle(bundle).powers.decisions[0]?.decidedById, LEADER);
  });

  it('reports every broken reference at once', () => {
    const problems = problemsOf((b) => {
      b.powers.decisions[0].decidedById = OTHER;
      b.powers.provisions[0].functionId = OTHER;
      b.powers.restorationSteps[0].restorationId = OTHER;
    });
    assert.deepEqual(problems.map((p) => p.path).sort(), [
      `${P}.decisions[0].decidedById`,
      `${P}.provisions[0].functionId`,
      `${P}.restorationSteps[0].restorationId`,
    ]);
  });
});
