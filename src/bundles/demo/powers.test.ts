import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { nextDay } from '#src/modules/powers/rules/dates.ts';
import {
  directionsInForce,
  type Holding,
  holdingsOn,
  type PowersRecord,
} from '#src/modules/powers/rules/holders.ts';
import { RESTORATION_STEPS } from '#src/modules/powers/schema.ts';
import { DEMO_BUNDLE_FILE } from './index.ts';
import { buildLicensing } from './licensing.ts';
import { buildPowers } from './powers.ts';
import { FUNCTIONS } from './powers-functions.ts';
import type { KnownPerson, PowersSection } from './powers-model.ts';

const bundle = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8')) as {
  people: KnownPerson[];
  powers?: PowersSection;
};
const built = buildPowers(bundle.people);
const p = built.powers;
const people = [...bundle.people, ...built.people];
const personNamed = (name: string, publicRole: string) =>
  people.find((x) => x.name === name && x.publicRole === publicRole)?.id;
const fn = (code: string) => {
  const f = p.functions.find((x) => x.code === code);
  assert.ok(f, `no function ${code}`);
  return f;
};

/** The section as the module's rules read it: rows of a council's tables. */
const councilId = 'demo';
const record: PowersRecord = {
  functions: p.functions.map((r) => ({ ...r, councilId })),
  directions: p.directions.map((r) => ({ ...r, councilId })),
  provisions: p.provisions.map((r) => ({ ...r, councilId })),
  allocations: p.allocations.map((r) => ({ ...r, councilId })),
  restorations: p.restorations.map((r) => ({ ...r, councilId })),
  restorationFunctions: p.restorationFunctions.map((r) => ({ ...r, councilId })),
  restorationSteps: p.restorationSteps.map((r) => ({ ...r, councilId })),
};

function holderOn(code: string, date: string): Holding {
  const holding = holdingsOn(record, date).find((h) => h.function.code === code);
  assert.ok(holding, `no holding of ${code}`);
  return holding;
}

const inForce = (from: string, until: string | null, d: string) =>
  from <= d && (until === null || d <= until);

function* days(from: string, to: string) {
  for (let d = from; d <= to; d = nextDay(d)) yield d;
}

describe('the demo’s Powers records', () => {
  it('give every function at most one Direction and, while it is with the Commissioners, one Commissioner in office', () => {
    for (const d of days('2015-01-01', '2018-12-31')) {
      const directed = new Set(directionsInForce(record, d).map((x) => x.id));
      for (const f of p.functions) {
        const under = p.provisions.filter((x) => x.functionId === f.id && directed.has(x.directionId));
        assert.ok(under.length <= 1, `${f.code} is under two Directions on ${d}`);
      }
      for (const h of holdingsOn(record, d)) {
        if (h.mode !== 'commissioners') continue;
        const held = p.allocations.filter(
          (a) =>
            a.functionId === h.function.id &&
            a.holderKind === 'commissioner' &&
            inForce(a.fromDate, a.toDate, d),
        );
        assert.equal(held.length, 1, `${h.function.code} on ${d}: ${held.length} Commissioner allocations`);
        const inOffice = p.commissionerAppointments.filter(
          (a) => a.personId === h.holder.personId && inForce(a.fromDate, a.toDate, d),
        );
        assert.equal(inOffice.length, 1, `${h.function.code} on ${d}: its Commissioner is not in office`);
      }
    }
  });

  it('have every decision taken by whoever holds its function on its date', () => {
    assert.ok(p.decisions.length >= 60 && p.decisions.length <= 120, `${p.decisions.length} decisions`);
    for (const x of p.decisions) {
      const code = p.functions.find((f) => f.id === x.functionId)?.code as string;
      const h = holderOn(code, x.decidedOn);
      assert.equal(x.decidedById, h.holder.personId, `${x.title} (${code}, ${x.decidedOn})`);
      if (x.proposedById) {
        assert.notEqual(x.proposedById, x.decidedById);
        assert.equal(people.find((q) => q.id === x.proposedById)?.kind, 'councillor');
      }
      if (h.mode !== 'commissioners') assert.equal(x.proposedById, null, `${x.title}: no separate proposer`);
    }
    const outcomes = new Set(p.decisions.map((x) => x.outcome));
    assert.deepEqual([...outcomes].sort(), ['as_proposed', 'different', 'with_changes']);
  });

  it('give licensing to Mary Ney on 1 March 2016, under the revised Directions and her allocation', () => {
    const h = holderOn('lic-taxi', '2016-03-01');
    assert.equal(h.mode, 'commissioners');
    assert.equal(h.holder.personId, personNamed('Mary Ney', 'Commissioner (licensing functions)'));
    assert.equal(h.direction?.title, 'Revised Directions from 1 February 2016');
    assert.match(h.allocation?.reason ?? '', /Seed 001.*Mary Ney is the Commissioner for licensing/);
  });

  it('return the Appendix B functions to the Cabinet Members on 1 February 2016, because of the restoration', () => {
    const appendixB = p.restorationFunctions.filter((rf) => rf.restorationId === p.restorations[0]?.id);
    assert.ok(appendixB.length >= 10);
    for (const rf of appendixB) {
      const code = p.functions.find((f) => f.id === rf.functionId)?.code as string;
      assert.equal(holderOn(code, '2016-01-31').mode, 'commissioners', code);
      const h = holderOn(code, '2016-02-01');
      assert.equal(h.restoration?.id, rf.restorationId, code);
      assert.equal(h.holder.kind, 'cabinet_member');
      assert.ok(rf.returnsToPersonId);
      assert.equal(h.holder.personId, rf.returnsToPersonId, code);
    }
    assert.ok(
      appendixB.some((rf) => rf.returnsToPersonId === personNamed('Chris Read', 'Leader of the Council')),
    );
  });

  it('leave only Adult Social Care and Domestic Abuse with the Commissioners on 21 March 2018', () => {
    const withCommissioners = p.functions
      .filter((f) => holderOn(f.code, '2018-03-21').mode === 'commissioners')
      .map((f) => f.code);
    assert.deepEqual(withCommissioners.sort(), ['exec-adult-social-care', 'exec-domestic-abuse']);
    assert.equal(holderOn('exec-childrens-social-care', '2018-03-18').mode, 'commissioners');
  });

  it('keep seed 001’s excluded functions out of Appendix B, with all four criteria met for what it returns', () => {
    const returned = new Set(
      p.restorationFunctions
        .filter((rf) => rf.restorationId === p.restorations[0]?.id)
        .map((rf) => rf.functionId),
    );
    for (const spec of FUNCTIONS.filter((s) => s.excludedAs))
      assert.ok(!returned.has(fn(spec.code).id), `${spec.code} (${spec.excludedAs}) is in Appendix B`);
    for (const rf of p.restorationFunctions)
      assert.ok(rf.serviceMet && rf.leadershipMet && rf.assuranceMet && rf.councillorsMet);
  });

  it('complete each restoration’s steps in order, taking representations before the notice closes', () => {
    for (const r of p.restorations) {
      const steps = RESTORATION_STEPS.map((s) =>
        p.restorationSteps.find((x) => x.restorationId === r.id && x.step === s),
      );
      const dates = steps.map((s) => s?.completedOn ?? '');
      assert.deepEqual(dates, [...dates].sort(), r.title);
      assert.ok(r.openedOn <= (dates[0] as string));
      assert.equal(steps.at(-1)?.completedOn, r.proposedEffectiveDate);
      const notice = steps[RESTORATION_STEPS.indexOf('public_notice')]?.completedOn as string;
      for (const x of p.representations.filter((y) => y.restorationId === r.id))
        assert.ok(x.receivedOn <= notice);
      for (const x of p.restorationPauses.filter((y) => y.restorationId === r.id))
        assert.ok(x.resolvedOn && x.resolvedOn < r.proposedEffectiveDate);
    }
  });

  it('refer only to records and people that exist, with ids unique across the section', () => {
    const ids = Object.values(p).flatMap((rows: { id: string }[]) => rows.map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length);
    const personIds = new Set(people.map((q) => q.id));
    const named = [
      ...p.commissionerAppointments.map((a) => a.personId),
      ...p.allocations.map((a) => a.personId),
      ...p.restorationFunctions.map((rf) => rf.returnsToPersonId),
      ...p.decisions.flatMap((x) => [x.proposedById, x.decidedById]),
    ].filter((id) => id !== null);
    for (const id of named) assert.ok(personIds.has(id), id);
    assert.equal(p.commissionerAppointments.filter((a) => a.personId === null).length, 1);
  });

  it('name the Advisory Cabinet by role: the Leader and four Members, then eight from December 2015', () => {
    const members = people.filter((q) => q.name.startsWith('Advisory Cabinet Member for '));
    assert.ok(members.every((q) => q.kind === 'councillor'));
    const joined = members.filter((q) => (q as { fromDate?: string | null }).fromDate?.startsWith('2015-12'));
    assert.equal(members.length - joined.length + 1, 5);
    assert.equal(members.length + 1, 8);
  });

  it('are the same on every build, and the same as the demo bundle holds once it has been rebuilt', () => {
    assert.deepEqual(buildPowers(bundle.people), built);
    // The bundle's decisions also hold the licensing panel decisions, which the Licensing records make.
    const panel = buildLicensing(
      people,
      p.functions,
      personNamed('Mary Ney', 'Commissioner (licensing functions)') as string,
    );
    if (bundle.powers)
      assert.deepEqual(bundle.powers, { ...p, decisions: [...p.decisions, ...panel.decisions] });
  });
});
