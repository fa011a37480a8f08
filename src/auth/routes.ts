import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { endSession } from '#src/auth/sessions.ts';
import { fieldErrors } from '#src/web/form-errors.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '#src/web/plugins/session.ts';
import { renderPage } from '#src/web/render.ts';
import { signIn } from './service.ts';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320)
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Password must be 1,000 characters or fewer'),
});

/** Only a path on this service may be returned to after signing in. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : '/home';
}

/** Sign in and sign out. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.get('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect('/home');
    const query = request.query as { returnTo?: string };
    return renderPage(request, reply, 'auth/views/sign-in.njk', {
      returnTo: safeReturnTo(query.returnTo),
      values: {},
    });
  });

  app.post('/sign-in', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const returnTo = safeReturnTo(body.returnTo);
    const values = { email: typeof body.email === 'string' ? body.email : '' };
    const parsed = signInForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderPage(request, reply, 'auth/views/sign-in.njk', {
        errors: fieldErrors(parsed.error),
        values,
        returnTo,
      });
    }
    const result = await app.database.db.transaction((tx) =>
      signIn(tx, parsed.data.email, parsed.data.password, request.ip),
    );
    request.log.info(
      {
        event: 'sign-in',
        outcome: result.outcome,
        reason: result.outcome === 'refused' ? result.reason : undefined,
        email: parsed.data.email,
        ip: request.ip,
      },
      'sign-in attempt',
    );
    if (result.outcome === 'throttled') {
      reply.code(429);
      const minutes = Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000));
      return renderPage(request, reply, 'auth/views/sign-in.njk', {
        errors: {
          email: `Too many failed attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        },
        values,
        returnTo,
      });
    }
    if (result.outcome === 'refused') {
      reply.code(401);
      return renderPage(request, reply, 'auth/views/sign-in.njk', {
        errors: { email: 'The email address or password is not right' },
        values,
        returnTo,
      });
    }
    const old = request.cookies[SESSION_COOKIE];
    if (old) await endSession(app.database.db, old);
    setSessionCookie(reply, result.token);
    return reply.redirect(returnTo, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(app.database.db, token);
    request.log.info({ event: 'sign-out', userId: request.user?.id }, 'signed out');
    clearSessionCookie(reply);
    return reply.redirect('/sign-in?signedOut=1', 303);
  });
}
