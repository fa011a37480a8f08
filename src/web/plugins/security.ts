import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers. The CSP allows scripts and styles only from this service,
 * plus the one inline script of the GOV.UK template, by a nonce per request:
 * never `unsafe-inline`. HSTS is sent only on responses served over HTTPS;
 * responses to a signed-in user are marked no-store.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    enableCSPNonces: true,
    hsts: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
  });
  app.addHook('onSend', async (request, reply) => {
    // Pages shown to a signed-in user are never kept by a browser or proxy cache.
    if (request.user) reply.header('Cache-Control', 'no-store');
    if (request.protocol === 'https') {
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  });
}
