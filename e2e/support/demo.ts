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
