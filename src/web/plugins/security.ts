import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Random bytes for nonces, drawn from the CSPRNG 4 KiB at a time (as Node's own
 * randomUUID does) rather than by a call per response; each byte is used once.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

/** 128 fresh random bits, as hex. */
function freshNonce(): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.toString('hex', used - 16, used);
}

/** The nonces of each response, where the policy's directive functions find them. */
const noncesOf = new WeakMap<ServerResponse, { script: string; style: string }>();

const nonce = (kind: 'script' | 'style') => (_request: IncomingMessage, response: ServerResponse) =>
  `'nonce-${noncesOf.get(response)?.[kind]}'`;

/**
 * The Content-Security-Policy middleware, built once: the nonces are directive
 * functions read per response (helmet's own way of adding nonces), so no request
 * pays for parsing and checking the directives again.
 */
// The plugin's module also exports helmet's CSP middleware; its types declare it on `fastifyHelmet`.
const { contentSecurityPolicy: policyMiddleware } = helmet as unknown as Pick<
  typeof helmet.fastifyHelmet,
  'contentSecurityPolicy'
>;

const contentSecurityPolicy = policyMiddleware({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", nonce('script')],
    styleSrc: ["'self'", nonce('style')],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
});

/**
 * Security headers. The CSP allows scripts and styles only from this service,
 * plus the one inline script of the GOV.UK template, by a nonce per request:
 * never `unsafe-inline`. HSTS is sent only on responses served over HTTPS;
 * responses to a signed-in user are marked no-store.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  // helmet's other headers; the policy, with its nonces, is set by the hook below.
  await app.register(helmet, { hsts: false, contentSecurityPolicy: false });
  app.addHook('onRequest', (request, reply, done) => {
    const nonces = { script: freshNonce(), style: freshNonce() };
    reply.cspNonce = nonces;
    noncesOf.set(reply.raw, nonces);
    contentSecurityPolicy(request.raw, reply.raw, done);
  });
  app.addHook('onSend', async (request, reply) => {
    // Pages shown to a signed-in user are never kept by a browser or proxy cache.
    if (request.user) reply.header('Cache-Control', 'no-store');
    if (request.protocol === 'https') {
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  });
}
