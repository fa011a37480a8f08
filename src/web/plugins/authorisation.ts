import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canReachCouncil, isAllowed } from '#src/auth/policy.ts';
import { councilByGss } from '#src/modules/councils/service.ts';
import { HttpError } from '../errors.ts';

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function refuse(request: FastifyRequest, why: string): never {
  request.log.warn(
    {
      event: 'access-refused',
      userId: request.user?.id,
      role: request.user?.role,
      method: request.method,
      url: request.url,
      why,
    },
    'access refused',
  );
  throw new HttpError(403, 'You do not have permission to see this page or take this action.');
}

/**
 * Enforces the permission policy on every route that names an action, and the
 * council scope on every `/councils/:gss` route. Refusals are logged.
 */
export async function registerAuthorisation(app: FastifyInstance): Promise<void> {
  app.decorate('protectedRoutes', []);
  app.addHook('onRoute', (route) => {
    const action = route.config?.action;
    if (!action) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.protectedRoutes.push({ method, url: route.url, action });
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const params = request.params as { gss?: string } | undefined;
    const action = request.routeOptions.config.action;
    if (action) {
      if (!request.user) {
        request.log.info(
          { event: 'access-refused', method: request.method, url: request.url, why: 'not signed in' },
          'access refused',
        );
        if (isApi(request)) throw new HttpError(401, 'Sign in to use this part of the API.');
        // Only a page can be returned to: a form's address has no GET route.
        if (request.method !== 'GET') return reply.redirect('/sign-in', 303);
        return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(request.url)}`);
      }
      if (!isAllowed(request.user.role, action))
        refuse(request, `role ${request.user.role} may not ${action}`);
    }
    if (params?.gss !== undefined) {
      const council = await councilByGss(app.database.db, params.gss);
      if (!council) throw new HttpError(404, `There is no council with the GSS code ${params.gss}.`);
      if (action && request.user && !canReachCouncil(request.user, council.id)) {
        refuse(request, `user of another council asked for ${council.gssCode}`);
      }
      request.council = council;
    }
  });
}
