/*
 * The demo's decisions. Seed 001: from January 2016 the Commissioners decide at
 * public meetings of the Advisory Cabinet, after the Advisory Cabinet Member has
 * said what they would decide on the officers' report; the licensing
 * Commissioner sits with an Advisory Committee of Councillors who propose; and a
 * restored function is decided by the Cabinet Member who holds it. Every
 * decision is taken by whoever holds its function that day, read from the
 * allocations. Apart from the two appointments of 2015 that seed 001 reports,
 * the decisions are illustrative: titles, dates and outcomes are derived from
 * their position in the list, never drawn at random.
 */
import type { Allocation, Decision, DecisionOutcome } from '#src/modules/powers/schema.ts';
import { stableId } from './ids.ts';
import type { FunctionSpec } from './powers-functions.ts';
import { covers, NOT_WITHDRAWN, type Row } from './powers-model.ts';
import type { Cast } from './powers-people.ts';
import { ILLUSTRATIVE_REPORT, SCHEDULED, type Scheduled } from './powers-scheduled.ts';
import { TOPICS, titleOn } from './powers-topics.ts';

type Registered = { spec: FunctionSpec; id: string };

/** Illustrative: the second Monday of each month from January 2016 to December 2017, but August. */
export function meetingDates(): string[] {
  const dates: string[] = [];
  for (let year = 2016; year <= 2017; year++)
    for (let month = 0; month < 12; month++) {
      if (month === 7) continue;
      const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
      const day = 1 + ((8 - first) % 7) + 7;
      dates.push(new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10));
    }
  return dates;
}

const PER_MEETING = 4;
const PROPOSALS = [
  'That the recommendations of the report be agreed.',
  'That the preferred option in the report be agreed.',
  'That the recommendations be agreed, with a progress report to the Improvement Board in six months.',
  'That the recommendations be agreed, having considered the consultation responses.',
];
const CHANGES = [
  'a progress report is to return to the meeting in three months',
  'the consultation is extended by four weeks',
  'the equality impact assessment is to be completed before implementation',
  'the scheme is to be reviewed after twelve months',
];
const DIFFERENT = [
  'The Commissioner deferred the decision for a fuller appraisal of the options, which the report did not give.',
  'The Commissioner chose the alternative option in the report, on value for money grounds.',
  'The Commissioner did not agree the proposal: the report did not assess the risks to vulnerable residents.',
];

/** The allocation in force for a function on a date; the demo never has two. */
function holdingOn(
  allocations: Row<Allocation>[],
  functionId: string,
  date: string,
): Row<Allocation> | undefined {
  const found = allocations.filter((a) => a.functionId === functionId && covers(a, date));
  if (found.length > 1) throw new Error(`Two allocations of ${functionId} are in force on ${date}.`);
  return found[0];
}

/** The councillor who proposes a decision to the Commissioner holding a function. */
function proposerFor(spec: FunctionSpec, cast: Cast): string {
  if (spec.service === 'licensing') return cast.licensingChair;
  if (spec.portfolio) return cast.members[spec.portfolio];
  return cast.leader;
}

function meetingFor(
  spec: FunctionSpec,
  date: string,
  byCommissioner: boolean,
): { name: string; isPublic: boolean } {
  if (spec.service === 'statutory_appointments')
    return { name: 'Appointments panel of councillors with the Commissioners', isPublic: false };
  if (spec.service === 'licensing')
    return {
      name: 'Licensing Advisory Committee, public meeting with the licensing Commissioner',
      isPublic: true,
    };
  if (date < '2016-02-01')
    return { name: 'Advisory Cabinet, public meeting with the Commissioners', isPublic: true };
  return {
    name: byCommissioner
      ? 'Cabinet and Commissioners’ decision-making meeting (public), Commissioner’s decision'
      : 'Cabinet and Commissioners’ decision-making meeting (public)',
    isPublic: true,
  };
}

/** The demo's decisions, each taken by the holder of its function on its date. */
export function decisionsOf(
  functions: Registered[],
  allocations: Row<Allocation>[],
  cast: Cast,
): Row<Decision>[] {
  const decisions: Row<Decision>[] = [];
  let byCommissioner = 0;
  let byMember = 0;
  const decide = (f: Registered, on: string, title: string, given?: Scheduled) => {
    const holding = holdingOn(allocations, f.id, on);
    if (!holding?.personId) throw new Error(`No one person holds ${f.spec.code} on ${on}.`);
    const commissioner = holding.holderKind === 'commissioner';
    const n = commissioner ? byCommissioner++ : byMember++;
    let outcome: DecisionOutcome = given?.outcome ?? 'as_proposed';
    if (!given && n % 7 === 3) outcome = 'with_changes';
    if (!given && commissioner && n % 13 === 8) outcome = 'different';
    const change = CHANGES[n % CHANGES.length] as string;
    const meeting = meetingFor(f.spec, on, commissioner);
    const proposing = commissioner && (!given || given.proposal !== null);
    let reasons: string;
    if (given) reasons = given.reasons;
    else if (!commissioner)
      reasons =
        outcome === 'with_changes'
          ? `Decided by the Cabinet Member under the restored executive powers, with a change to the report’s recommendations: ${change}.`
          : 'Decided by the Cabinet Member under the restored executive powers, as the report recommended.';
    else if (outcome === 'different') reasons = DIFFERENT[n % DIFFERENT.length] as string;
    else if (outcome === 'with_changes')
      reasons = `The Commissioner agreed the proposal with a change: ${change}.`;
    else
      reasons =
        'The Commissioner agreed the councillor’s proposal: it followed from an interrogation of the report.';
    decisions.push({
      id: stableId(`decision:${on}:${f.spec.code}`),
      functionId: f.id,
      decidedOn: on,
      title,
      meeting: meeting.name,
      meetingPublic: meeting.isPublic,
      report: given?.report ?? ILLUSTRATIVE_REPORT,
      proposedById: proposing ? proposerFor(f.spec, cast) : null,
      proposal: proposing
        ? (given?.proposal ?? (PROPOSALS[n % PROPOSALS.length] as string))
        : outcome === 'different'
          ? null
          : 'The recommendations of the officer report.',
      decidedById: holding.personId,
      outcome,
      reasons,
      ...NOT_WITHDRAWN,
    });
  };

  const byCode = new Map(functions.map((f) => [f.spec.code, f]));
  const taken = new Map<string, number>();
  const nextTopic = (code: string) => {
    const i = taken.get(code) ?? 0;
    taken.set(code, i + 1);
    return TOPICS[code]?.[i];
  };
  for (const s of SCHEDULED) {
    const f = byCode.get(s.code) as Registered;
    decide(f, s.on, s.title ?? titleOn(nextTopic(s.code) as string, s.on), s);
  }

  // The monthly meetings take the executive functions in turn.
  const rotation = functions.filter((f) => f.spec.service === 'executive');
  let next = 0;
  for (const on of meetingDates()) {
    let picked = 0;
    for (let tries = 0; tries < rotation.length && picked < PER_MEETING; tries++) {
      const f = rotation[next] as Registered;
      next = (next + 1) % rotation.length;
      const left = (TOPICS[f.spec.code]?.length ?? 0) > (taken.get(f.spec.code) ?? 0);
      if (!left || !holdingOn(allocations, f.id, on)?.personId) continue;
      decide(f, on, titleOn(nextTopic(f.spec.code) as string, on));
      picked++;
    }
  }
  return decisions.sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
}
