import { DEMO_PASSWORD, demoBundle } from '#src/bundles/demo/index.ts';

/** The password of every demo login (printed by `freshstart serve`). */
export { DEMO_PASSWORD };

const bundle = demoBundle();

/** The demo council's ONS GSS code. */
export const DEMO_GSS = bundle.council.gssCode;

export interface DemoUser {
  email: string;
  name: string;
  role: string;
}

/** The demo logins, one per role, as the demo bundle defines them. */
export const DEMO_USERS: readonly DemoUser[] = bundle.users.map(({ email, name, role }) => ({
  email,
  name,
  role,
}));

/** The demo login of one role. */
export function demoUser(role: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`the demo bundle has no ${role} login`);
  return user;
}

const { powers } = bundle;

/** Throws when the demo bundle lacks a record the tests rely on, naming it. */
function found<T>(record: T | undefined, what: string): T {
  if (!record) throw new Error(`the demo bundle has no ${what}`);
  return record;
}

/** Records of the demo's Powers section that the browser tests open by address. */
export const DEMO_POWERS = {
  /** The Revised Directions in force from 1 February 2016. */
  direction2016: found(
    powers.directions.find((d) => d.inForceFrom === '2016-02-01'),
    'Direction in force from 1 February 2016',
  ),
  /** The restoration of the Appendix B executive functions, effective 1 February 2016. */
  restoration2016: found(
    powers.restorations.find((r) => r.proposedEffectiveDate === '2016-02-01'),
    'restoration effective on 1 February 2016',
  ),
  /** A decision taken on a councillor's proposal. */
  decision: found(
    powers.decisions.find((d) => d.proposedById),
    "decision taken on a councillor's proposal",
  ),
};
