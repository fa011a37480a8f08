import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';

export const CSRF_COOKIE = '__Host-freshstart-csrf';

/**
 * Form bodies, cookies and CSRF protection. Every POST must carry the `_csrf`
 * token of the form it came from; the token's secret is in a `__Host-` cookie.
 * No route changes state on GET.
 */
export async function registerForms(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  await app.register(formbody);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', secure: true, httpOnly: true, sameSite: 'lax', signed: false },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });
  app.addHook('preValidation', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done();
    app.csrfProtection(request, reply, done);
  });
}
