import type { FastifyInstance, FastifyReply } from 'fastify';
import { userOfSession } from '#src/auth/sessions.ts';

export const SESSION_COOKIE = '__Host-freshstart-session';

/** Sets the session cookie: `__Host-` prefixed, Secure, HttpOnly, SameSite=Lax, whole-site. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
}

/** Finds the signed-in user, if any, from the server-side session named by the cookie. */
export async function registerSessions(app: FastifyInstance): Promise<void> {
  app.decorateRequest('user', null);
  app.decorateRequest('council', null);
  app.decorateRequest('userCouncil', null);
  app.addHook('onRequest', async (request) => {
    if (
      request.url.startsWith('/assets/') ||
      request.url.startsWith('/govuk/') ||
      request.url.startsWith('/public/')
    )
      return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await userOfSession(app.database.db, token);
    request.user = found?.user ?? null;
    request.userCouncil = found?.council ?? null;
  });
}
