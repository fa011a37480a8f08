import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bundleFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/bundles/demo/rotherham.json',
);

/** The password of every demo login (printed by `freshstart serve`). */
export const DEMO_PASSWORD = 'fresh-start-demo';

/** The demo council's ONS GSS code. */
export const DEMO_GSS = 'E08000018';

export interface DemoUser {
  email: string;
  name: string;
  role: string;
}

/** The demo logins, one per role, as the demo bundle defines them. */
export const DEMO_USERS: readonly DemoUser[] = (
  JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as { users: DemoUser[] }
).users.map(({ email, name, role }) => ({ email, name, role }));

/** The demo login of one role. */
export function demoUser(role: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`the demo bundle has no ${role} login`);
  return user;
}
