import type { Action } from '#src/auth/policy.ts';
import type { User } from '#src/auth/schema.ts';
import type { Config } from '#src/config/index.ts';
import type { Database } from '#src/db/client.ts';
import type { Council } from '#src/modules/councils/schema.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** Every route that names an action, for the permission matrix. */
    protectedRoutes: { method: string; url: string; action: Action }[];
  }
  interface FastifyRequest {
    user: User | null;
    /** The signed-in user's own council, read with the session (none for the department). */
    userCouncil: Council | null;
    /** The council a `/councils/:gss` route is about, once the user may reach it. */
    council: Council | null;
  }
  interface FastifyContextConfig {
    /** The policy action a route needs; absent means the route is public. */
    action?: Action;
  }
}
