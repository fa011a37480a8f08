import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { bundleProblems } from '../../test/support/bundle-problems.ts';
import { DEMO_BUNDLE_FILE } from './demo/index.ts';
import { parseBundle, parseBundleText } from './import.ts';
import { BundleError, type BundleProblem } from './problems.ts';

// `any` on purpose: a bundle under test is any JSON, and the cases reach into it freely.
type Json = any;
const demoJson: Json = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));

const problemsOf = (mutate: (b: Json) => unknown): BundleProblem[] =>
  bundleProblems(() => structuredClone(demoJson), mutate);

const paths = (problems: BundleProblem[]) => problems.map((p) => p.path);

describe('validating a bundle', () => {
  it('accepts the demo bundle and fills in defaults for optional fields', () => {
    const bundle = parseBundle(demoJson);
    assert.equal(bundle.council.gssCode, 'E08000018');
    const minimal = parseBundle({ format: 'freshstart-bundle', version: 1, council: demoJson.council });
    assert.deepEqual(minimal.people, []);
    assert.deepEqual(minimal.users, []);
  });

  it('refuses text with the NUL character, which PostgreSQL cannot store, at its path', () => {
    const problems = problemsOf((b) => {
      b.people[1].publicRole = 'Lead\u0000Commissioner';
    });
    assert.deepEqual(paths(problems), ['$.people[1].publicRole']);
    assert.match(problems[0]?.message ?? '', /NUL/);
  });

  it('lowercases email addresses', () => {
    const b = structuredClone(demoJson);
    b.users[0].email = 'Someone@Example.ORG';
    assert.equal(parseBundle(b).users[0]?.email, 'someone@example.org');
  });

  const cases: [string, (b: Json) => unknown, string, RegExp][] = [
    [
      'a date that does not exist',
      (b) => void (b.people[3].fromDate = '2015-02-30'),
      '$.people[3].fromDate',
      /real date/,
    ],
    [
      'a date in another format',
      (b) => void (b.people[3].toDate = '27/11/2015'),
      '$.people[3].toDate',
      /YYYY-MM-DD/,
    ],
    [
      'a date that is a number',
      (b) => void (b.people[3].fromDate = 2015),
      '$.people[3].fromDate',
      /real date/,
    ],
    [
      'an end date before the start date',
      (b) => void Object.assign(b.people[2], { fromDate: '2016-01-01', toDate: '2015-12-31' }),
      '$.people[2].toDate',
      /after fromDate/,
    ],
    [
      'a time that is not ISO 8601 UTC',
      (b) => void (b.users[1].withdrawnAt = 'yesterday'),
      '$.users[1].withdrawnAt',
      /ISO 8601/,
    ],
    ['a name of the wrong type', (b) => void (b.people[0].name = 42), '$.people[0].name', /expected string/],
    ['an empty name', (b) => void (b.council.name = ''), '$.council.name', /./],
    [
      'an unknown kind of person',
      (b) => void (b.people[1].kind = 'mayor'),
      '$.people[1].kind',
      /commissioner/,
    ],
    ['an unknown role', (b) => void (b.users[0].role = 'king'), '$.users[0].role', /auditor/],
    ['an id that is not a UUID', (b) => void (b.people[4].id = '42'), '$.people[4].id', /UUID/],
    ['a bad GSS code', (b) => void (b.council.gssCode = 'X123'), '$.council.gssCode', /GSS code/],
    [
      'a password that is not an argon2id hash',
      (b) => void (b.users[2].passwordHash = 'hunter2'),
      '$.users[2].passwordHash',
      /argon2id/,
    ],
    ['an email that is not one', (b) => void (b.users[2].email = 'nobody'), '$.users[2].email', /email/],
    [
      'an unknown field on a person',
      (b) => void (b.people[1].nickname = 'Del'),
      '$.people[1].nickname',
      /not a known field/,
    ],
    ['an unknown field at the top', (b) => void (b.extra = true), '$.extra', /not a known field/],
    [
      'a withdrawal without its reason',
      (b) => void (b.people[5].withdrawnAt = '2016-01-01T00:00:00.000Z'),
      '$.people[5].withdrawnReason',
      /both withdrawnAt and withdrawnReason/,
    ],
    [
      'a duplicate id',
      (b) => void (b.people[2].id = b.people[0].id),
      '$.people[2].id',
      /already used at \$\.people\[0\]\.id/,
    ],
    [
      'a person with the council’s id',
      (b) => void (b.people[2].id = b.council.id),
      '$.people[2].id',
      /\$\.council\.id/,
    ],
    [
      'a duplicate email, whatever its case',
      (b) => void (b.users[3].email = b.users[0].email.toUpperCase()),
      '$.users[3].email',
      /already used at \$\.users\[0\]\.email/,
    ],
    [
      'the same person twice in the same role',
      (b) => void Object.assign(b.people[1], { name: b.people[0].name, publicRole: b.people[0].publicRole }),
      '$.people[1].name',
      /already recorded .* at \$\.people\[0\]/,
    ],
    [
      'an account naming a person not in the bundle',
      (b) => void (b.users[1].personId = '11111111-1111-4111-8111-111111111111'),
      '$.users[1].personId',
      /must be the id of a person in \$\.people/,
    ],
    ['another format', (b) => void (b.format = 'council-export'), '$.format', /freshstart-bundle/],
    ['another version', (b) => void (b.version = 2), '$.version', /expected 1/],
    ['no council', (b) => void delete b.council, '$.council', /expected object/],
    ['people that are not a list', (b) => void (b.people = {}), '$.people', /expected array/],
    ['a list instead of an object', () => [], '$', /expected object/],
  ];
  for (const [what, mutate, path, message] of cases) {
    it(`refuses ${what}, naming ${path}`, () => {
      const problems = problemsOf(mutate);
      const problem = problems.find((p) => p.path === path);
      assert.ok(problem, `${path} is among ${JSON.stringify(problems)}`);
      assert.match(problem.message, message);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf((b) => {
      b.people[3].fromDate = 'soon';
      b.users[0].role = 'king';
      b.council.extra = 1;
    });
    assert.deepEqual(paths(problems).sort(), ['$.council.extra', '$.people[3].fromDate', '$.users[0].role']);
  });

  it('refuses text that is not JSON, saying so at the root', () => {
    assert.throws(
      () => parseBundleText('{"format": "freshstart-bundle",'),
      (error) => {
        assert.ok(error instanceof BundleError);
        assert.equal(error.problems.length, 1);
        assert.equal(error.problems[0]?.path, '$');
        assert.match(error.problems[0]?.message ?? '', /^is not valid JSON/);
        return true;
      },
    );
  });
});
