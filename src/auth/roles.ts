/** The roles a signed-in account can hold (DESIGN.md, "Who uses it"). */
export const ROLES = [
  'commissioner',
  'department',
  'officer',
  'monitoring_officer',
  'councillor',
  'licensing_officer',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

/** How each role is named to people. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  commissioner: 'Commissioner',
  department: 'Department official',
  officer: 'Council officer',
  monitoring_officer: 'Monitoring Officer',
  councillor: 'Councillor',
  licensing_officer: 'Licensing officer',
  auditor: 'Auditor or inspector',
};
