import Fastify, { type FastifyInstance } from 'fastify';
import { authRoutes } from './auth/routes.ts';
import type { Config } from './config/index.ts';
import type { Database } from './db/client.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { councilApi } from './modules/councils/api.ts';
import { councilRoutes } from './modules/councils/routes.ts';
import { improvementApi } from './modules/improvement/api.ts';
import { improvementForms } from './modules/improvement/forms.ts';
import { improvementRoutes } from './modules/improvement/routes.ts';
import { licensingApi } from './modules/licensing/api.ts';
import { licensingForms } from './modules/licensing/forms.ts';
import { licensingReviewForms } from './modules/licensing/review-forms.ts';
import { licensingReviewRoutes } from './modules/licensing/review-routes.ts';
import { licensingRoutes } from './modules/licensing/routes.ts';
import { powersApi } from './modules/powers/api.ts';
import { powersForms } from './modules/powers/forms.ts';
import { powersRoutes } from './modules/powers/routes.ts';
import { pageRoutes } from './web/pages.ts';
import { registerAuthorisation } from './web/plugins/authorisation.ts';
import { registerErrorPages } from './web/plugins/errors.ts';
import { registerForms } from './web/plugins/forms.ts';
import { registerOpenApi } from './web/plugins/openapi.ts';
import { registerSecurityHeaders } from './web/plugins/security.ts';
import { registerSessions } from './web/plugins/session.ts';
import { registerStatic } from './web/plugins/static.ts';
import { registerViews } from './web/plugins/views.ts';
import './web/types.ts';

/** Where log lines go instead of standard output (tests capture them to check what is logged). */
export interface LogStream {
  write(line: string): void;
}

/** Largest request body accepted: forms are small; bundles are imported by the CLI. */
export const BODY_LIMIT = 100 * 1024;

/**
 * Builds the Fresh Start application: the composition root. Each step is one
 * small set-up function, in the order requests meet them.
 */
export async function buildApp(
  config: Config,
  database: Database,
  options: { logger?: boolean; logStream?: LogStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization'],
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
  });
  app.decorate('config', config);
  app.decorate('database', database);

  await registerSecurityHeaders(app);
  await registerForms(app);
  await registerStatic(app);
  await registerViews(app);
  await registerOpenApi(app);
  await registerSessions(app);
  await registerAuthorisation(app);
  await registerErrorPages(app);

  await app.register(pageRoutes);
  await app.register(authRoutes);
  await app.register(councilRoutes);
  await app.register(councilApi);
  await app.register(powersRoutes);
  await app.register(powersForms);
  await app.register(powersApi);
  await app.register(improvementRoutes);
  await app.register(improvementForms);
  await app.register(improvementApi);
  await app.register(licensingRoutes);
  await app.register(licensingForms);
  await app.register(licensingReviewRoutes);
  await app.register(licensingReviewForms);
  await app.register(licensingApi);
  await app.register(ledgerRoutes);
  return app;
}
