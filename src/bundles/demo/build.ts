/**
 * Builds the demo bundle of Rotherham Metropolitan Borough Council from the seed
 * documents (../shared/seeds). People appear only in the public roles the seeds
 * give them; `source` names the seed. Ids are derived from names so that a
 * rebuild gives the same ids. Run with `npm run demo:build`.
 */
import fs from 'node:fs';
import { hashPassword } from '#src/auth/passwords.ts';
import type { Role } from '#src/auth/roles.ts';
import { bundleText } from '../export.ts';
import { parseBundle } from '../import.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../schema.ts';
import { stableId } from './ids.ts';
import { buildImprovement } from './improvement.ts';
import { DEMO_BUNDLE_FILE, DEMO_PASSWORD } from './index.ts';
import { buildLicensing } from './licensing.ts';
import { buildPowers } from './powers.ts';

const SEED = {
  casey: 'Seed 000: inspector’s letter, 27 January 2015',
  news: 'Seed 002: news report of the intervention, February 2015',
  report: 'Seed 001: Lead Commissioner’s report, 27 November 2015',
  inspection: 'Seed 003: extracts of the inspection report',
  exit: 'Seed 004: Lead Commissioner’s letter, 21 March 2018',
};

type Kind = 'commissioner' | 'councillor' | 'officer' | 'independent' | 'minister';
const person = (
  name: string,
  kind: Kind,
  publicRole: string,
  source: string,
  extra: { fromDate?: string; toDate?: string; party?: string } = {},
) => ({
  id: stableId(`person:${name}:${publicRole}`),
  name,
  kind,
  publicRole,
  party: extra.party ?? null,
  fromDate: extra.fromDate ?? null,
  toDate: extra.toDate ?? null,
  source,
  withdrawnAt: null,
  withdrawnReason: null,
});

const people = [
  person('Sir Derek Myers', 'commissioner', 'Lead Commissioner', SEED.report),
  person('Stella Manzie', 'commissioner', 'Commissioner Managing Director', SEED.report),
  person('Mary Ney', 'commissioner', 'Commissioner (licensing functions)', SEED.report),
  person('Mary Ney', 'commissioner', 'Lead Commissioner', SEED.exit),
  person(
    'Malcolm Newsam',
    'commissioner',
    'Children’s Commissioner (appointed by the Department for Education)',
    SEED.inspection,
  ),
  person('Chris Read', 'councillor', 'Leader of the Council', SEED.report),
  person(
    'Paul Lakin',
    'councillor',
    'Leader of the Council (resigned February 2015), councillor for Valley Ward',
    SEED.news,
  ),
  person('Roger Stone', 'councillor', 'Former Leader of the Council', SEED.inspection),
  person('Sharon Kemp', 'officer', 'Chief Executive', SEED.report, { fromDate: '2016-02-01' }),
  person('Ian Thomas', 'officer', 'Director of Children’s Services', SEED.exit, { toDate: '2018-04-27' }),
  person('Louise Casey CB', 'independent', 'Inspector (Best Value inspection of the council)', SEED.casey),
  person('Frances Done', 'independent', 'Leader of the Independent Health Check team', SEED.exit),
  person('Eric Pickles', 'minister', 'Secretary of State for Communities and Local Government', SEED.casey),
  person('Greg Clark', 'minister', 'Secretary of State for Communities and Local Government', SEED.report),
  person(
    'Sajid Javid',
    'minister',
    'Secretary of State for Housing, Communities and Local Government',
    SEED.exit,
  ),
];

const powers = buildPowers(people);
people.push(...powers.people);

const byRole = (name: string, publicRole: string) =>
  people.find((p) => p.name === name && p.publicRole === publicRole)?.id ?? null;

// Panel decisions on licence reviews are Powers decisions too: they are the licensing function's readiness evidence.
const licensing = buildLicensing(
  people,
  powers.powers.functions,
  byRole('Mary Ney', 'Commissioner (licensing functions)') as string,
);
people.push(...licensing.people);
powers.powers.decisions.push(...licensing.decisions);

const accounts: { role: Role; email: string; name: string; personId: string | null }[] = [
  {
    role: 'commissioner',
    email: 'commissioner@demo.freshstart.test',
    name: 'Sir Derek Myers',
    personId: byRole('Sir Derek Myers', 'Lead Commissioner'),
  },
  {
    role: 'department',
    email: 'department@demo.freshstart.test',
    name: 'Demo Department official',
    personId: null,
  },
  {
    role: 'officer',
    email: 'officer@demo.freshstart.test',
    name: 'Demo programme office officer',
    personId: null,
  },
  {
    role: 'monitoring_officer',
    email: 'monitoring-officer@demo.freshstart.test',
    name: 'Demo Monitoring Officer',
    personId: null,
  },
  {
    role: 'councillor',
    email: 'councillor@demo.freshstart.test',
    name: 'Chris Read',
    personId: byRole('Chris Read', 'Leader of the Council'),
  },
  {
    role: 'licensing_officer',
    email: 'licensing@demo.freshstart.test',
    name: 'Demo licensing officer',
    personId: null,
  },
  { role: 'auditor', email: 'auditor@demo.freshstart.test', name: 'Demo auditor', personId: null },
];

const users = [];
for (const a of accounts) {
  users.push({
    id: stableId(`user:${a.email}`),
    ...a,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    withdrawnAt: null,
    withdrawnReason: null,
  });
}

const bundle = parseBundle({
  format: BUNDLE_FORMAT,
  version: BUNDLE_VERSION,
  council: {
    id: stableId('council:E08000018'),
    gssCode: 'E08000018',
    name: 'Rotherham Metropolitan Borough Council',
    shortName: 'Rotherham',
    withdrawnAt: null,
    withdrawnReason: null,
  },
  people,
  users,
  powers: powers.powers,
  improvement: buildImprovement(people, powers.powers.decisions),
  licensing: licensing.licensing,
});
fs.writeFileSync(DEMO_BUNDLE_FILE, bundleText(bundle));
console.log(`Wrote ${DEMO_BUNDLE_FILE}`);
