/*
 * The 2006 and 2008 child sexual exploitation action plans of seed 003: a 2005
 * task and finish group agreed actions "such as a zero tolerance campaign, but
 * officers never implemented the plan", and in 2008 Councillors found the new
 * plan "almost identical to the 2006 plan with the dates changed" and sent it
 * back. The actions' wording and dates are illustrative. Most 2006 actions have
 * a lead officer named and nothing done; one (dedicated CSE workers, which seed
 * 003 says the Council did employ) was completed, so its repeat in 2008 is no
 * sign of recycling. The 2008 plan repeats the rest with the dates changed or a
 * word or two altered, and adds two new actions.
 */
import { longDate } from '#src/modules/powers/rules/dates.ts';
import { stableId } from './ids.ts';
import { type ImprovementSection, lastDayOf, NOT_WITHDRAWN, SEED } from './improvement-model.ts';

type Records = Pick<ImprovementSection, 'plans' | 'projects' | 'milestones'>;

/** An action: its text (with its date, as the plans wrote them), its officer and the month it is due by. */
type Action = [text: string, officer: string, dueMonth: string];

const CYPS = 'Executive Director of Children and Young People’s Services';
const LICENSING = 'Head of Licensing';
const SAFEGUARDING = 'Safeguarding Manager';
const COMMUNITY_SAFETY = 'Community Safety Manager';

const ACTIONS_2006: Action[] = [
  [
    'Launch a zero tolerance campaign against the sexual exploitation of children across the borough by September 2006',
    COMMUNITY_SAFETY,
    '2006-09',
  ],
  [
    'Set up a multi-agency team of police, social care and health staff dedicated to child sexual exploitation by December 2006',
    CYPS,
    '2006-12',
  ],
  [
    'Deliver awareness training on child sexual exploitation to every licensed taxi and private hire driver by March 2007',
    LICENSING,
    '2007-03',
  ],
  [
    'Train all children’s social care staff and foster carers to recognise the signs of sexual exploitation by January 2007',
    SAFEGUARDING,
    '2007-01',
  ],
  [
    'Agree an information-sharing protocol on children at risk of exploitation between the Council, South Yorkshire Police and health partners by October 2006',
    SAFEGUARDING,
    '2006-10',
  ],
  [
    'Carry out a risk assessment for every looked after child who goes missing from placement by December 2006',
    CYPS,
    '2006-12',
  ],
  [
    'Report the number of children at risk of sexual exploitation, and of prosecutions, to the Scrutiny Panel every quarter from July 2006',
    SAFEGUARDING,
    '2007-03',
  ],
  [
    'Appoint dedicated workers to support young people at risk of sexual exploitation by September 2006',
    CYPS,
    '2006-09',
  ],
  [
    'Include sexual exploitation in personal, social and health education in every secondary school by July 2007',
    CYPS,
    '2007-07',
  ],
  [
    'Use licensing and community safety powers to disrupt the places where children are exploited by March 2007',
    COMMUNITY_SAFETY,
    '2007-03',
  ],
];

/** The one 2006 action that was done: dedicated CSE workers were appointed. */
const DONE_IN_2006 = 7;

/**
 * A 2006 action as the 2008 plan repeats it: its dates two years on and, when
 * given, a phrase reworded. Throws if the phrase is not in the action.
 */
function twoYearsOn([text, officer, dueMonth]: Action, reword?: [from: string, to: string]): Action {
  if (reword && !text.includes(reword[0])) throw new Error(`No “${reword[0]}” in “${text}”.`);
  const reworded = reword ? text.replace(reword[0], reword[1]) : text;
  return [
    reworded.replace(/\b200\d\b/g, (year) => String(Number(year) + 2)),
    officer,
    `${Number(dueMonth.slice(0, 4)) + 2}${dueMonth.slice(4)}`,
  ];
}

const at = (i: number) => ACTIONS_2006[i] as Action;

/** The 2008 plan: every 2006 action but the schools one again, four slightly reworded, and two new ones. */
const ACTIONS_2008: Action[] = [
  twoYearsOn(at(0)),
  twoYearsOn(at(1), ['dedicated to child', 'dedicated to tackling child']),
  twoYearsOn(at(2)),
  twoYearsOn(at(3), ['the signs', 'the warning signs']),
  twoYearsOn(at(4)),
  twoYearsOn(at(5), ['from placement', 'from their placement']),
  twoYearsOn(at(6)),
  twoYearsOn(at(DONE_IN_2006)),
  twoYearsOn(at(9), [
    'the places where children are exploited',
    'places where children are sexually exploited',
  ]),
  [
    'Produce a leaflet for parents on the signs of grooming and where to get help by October 2008',
    SAFEGUARDING,
    '2008-10',
  ],
  [
    'Commission an independent review of how agencies respond to reports of exploitation by June 2009',
    CYPS,
    '2009-06',
  ],
];

interface PlanSpec {
  key: string;
  title: string;
  adoptedOn: string;
  startOn: string;
  summary: string;
  source: string;
  actions: Action[];
  /** When the lead officer for each action was named; null if never. */
  officersNamedOn: string | null;
  done?: { index: number; on: string };
}

function actionPlan(spec: PlanSpec): Records {
  const planId = stableId(`improvement:plan:${spec.key}`);
  const out: Records = {
    plans: [
      {
        id: planId,
        title: spec.title,
        kind: 'action_plan',
        adoptedOn: spec.adoptedOn,
        summary: spec.summary,
        source: spec.source,
        ...NOT_WITHDRAWN,
      },
    ],
    projects: [],
    milestones: [],
  };
  spec.actions.forEach(([text, officer, dueMonth], i) => {
    const ref = `A${String(i + 1).padStart(2, '0')}`;
    const projectId = stableId(`improvement:project:${spec.key}:${ref}`);
    const dueOn = lastDayOf(dueMonth);
    out.projects.push({
      id: projectId,
      planId,
      workstreamId: null,
      ref,
      title: text,
      description: null,
      accountableOfficer: officer,
      leadMemberPersonId: null,
      boardId: null,
      startOn: spec.startOn,
      dueOn,
      ...NOT_WITHDRAWN,
    });
    const named = spec.officersNamedOn;
    const doneOn = spec.done?.index === i ? spec.done.on : null;
    const steps: [string, string, string | null, string][] = [
      [
        'Lead officer named and resources agreed',
        lastDayOf(spec.startOn.slice(0, 7)),
        named,
        'the lead officer named',
      ],
      [
        'Done, and reported to the Children and Young People’s Scrutiny Panel',
        dueOn,
        doneOn,
        'the action reported done',
      ],
    ];
    steps.forEach(([title, due, completedOn, what], position) => {
      out.milestones.push({
        id: stableId(`improvement:milestone:${spec.key}:${ref}:${position}`),
        projectId,
        title,
        dueOn: due,
        position,
        completedOn,
        evidenceKind: completedOn ? 'document' : null,
        evidence: completedOn
          ? `Children and Young People’s Scrutiny Panel, ${longDate(completedOn)}: ${what} (illustrative)`
          : null,
        ...NOT_WITHDRAWN,
      });
    });
  });
  return out;
}

/** The 2006 and 2008 CSE action plans, their actions and milestones. */
export function csePlans(): Records {
  const plans = [
    actionPlan({
      key: 'cse-2006',
      title: 'Child sexual exploitation action plan 2006',
      adoptedOn: '2006-03-22',
      startOn: '2006-04-01',
      summary:
        'The actions agreed after the 2005 Sexual Exploitation Task and Finish Group, reviewed by the Children and Young People’s Scrutiny Panel in 2006. Seed 003: officers never implemented the plan.',
      source: `${SEED.inspection}. Illustrative: the day of adoption and the wording and dates of the actions.`,
      actions: ACTIONS_2006,
      officersNamedOn: '2006-04-26',
      done: { index: DONE_IN_2006, on: '2006-09-20' },
    }),
    actionPlan({
      key: 'cse-2008',
      title: 'Child sexual exploitation action plan 2008',
      adoptedOn: '2008-06-18',
      startOn: '2008-07-01',
      summary:
        'Seed 003: Councillors commented that the 2008 CSE action plan was almost identical to the 2006 plan with the dates changed, and sent it back.',
      source: `${SEED.inspection}. Illustrative: the day it was put to Councillors and the wording and dates of the actions.`,
      actions: ACTIONS_2008,
      officersNamedOn: null,
    }),
  ];
  return {
    plans: plans.flatMap((p) => p.plans),
    projects: plans.flatMap((p) => p.projects),
    milestones: plans.flatMap((p) => p.milestones),
  };
}
