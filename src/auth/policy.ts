import { ROLES, type Role } from './roles.ts';

/**
 * The one permission policy: which roles may take each action. Every protected
 * route names its action and is checked against this table, and nothing else.
 */
export const POLICY = {
  // Every signed-in role has a home page and reads its council's public roles.
  'home:view': ROLES,
  'council:view': ROLES,
  'people:manage': ['commissioner', 'officer', 'monitoring_officer'],
  'ledger:view': ['commissioner', 'department', 'monitoring_officer', 'auditor'],
  'ledger:verify': ['commissioner', 'department', 'auditor'],
  // Directions are the Secretary of State's: the Department records them.
  'powers:direct': ['department'],
  // The restoration protocol is run by Commissioners; the Monitoring Officer channels
  // the council's requests; the Department records the Secretary of State's reply.
  'powers:restore': ['commissioner', 'monitoring_officer', 'department'],
  // A decision is recorded by the person who took it; the rules check they held the function.
  'decisions:record': ['commissioner', 'councillor'],
  // The programme office keeps plans, milestones, evidence, re-baselines, actions and
  // indicator values; Commissioners and the Monitoring Officer may too.
  'improvement:manage': ['commissioner', 'officer', 'monitoring_officer'],
  // Anyone holding the council to account may add commentary; nobody can set a status.
  'improvement:comment': ['commissioner', 'officer', 'monitoring_officer', 'councillor', 'auditor'],
  // Licence holders' records are personal data (DBS checks among them): licensing officers and Commissioners only.
  'licensing:view': ['licensing_officer', 'commissioner'],
  // Licensing officers keep the holders, checks, applications and reviews, recording a panel's
  // decision in the name of whoever took it (the Powers rule checks they held the function);
  // Commissioners who took over the licensing functions may too.
  'licensing:manage': ['licensing_officer', 'commissioner'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/** Whether a role may take an action. */
export function isAllowed(role: Role, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(role);
}

/**
 * Whether a user may act on a council's records: department officials read every
 * council; everyone else only their own.
 */
export function canReachCouncil(user: { role: Role; councilId: string | null }, councilId: string): boolean {
  return user.role === 'department' || user.councilId === councilId;
}
