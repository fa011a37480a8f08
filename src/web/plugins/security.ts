import { randomFillSync } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

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

/** helmet's options: every header but HSTS (sent by the hook below, over HTTPS only) and the CSP (below). */
const HELMET_OPTIONS = { hsts: false, contentSecurityPolicy: false } as const;

/**
 * The headers helmet sets, read once from the plugin itself on a throwaway instance.
 * With HSTS and the CSP left out they depend on nothing in the request, yet
 * @fastify/helmet builds helmet's middleware anew (every header's options parsed and
 * checked) on every request; here that is paid once, and each response only copies them.
 */
async function helmetHeaders(): Promise<OutgoingHttpHeaders> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  let headers: OutgoingHttpHeaders = {};
  // Runs after helmet's own onRequest hooks: the response then holds only helmet's headers.
  probe.addHook('onRequest', (_request, reply, done) => {
    headers = reply.raw.getHeaders();
    done();
  });
  probe.get('/', async () => '');
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return headers;
}

// The plugin's module also exports helmet's CSP middleware; its types declare it on `fastifyHelmet`.
const { contentSecurityPolicy: policyMiddleware } = helmet as unknown as Pick<
  typeof helmet.fastifyHelmet,
  'contentSecurityPolicy'
>;

/** Stands for a nonce while the policy is built; never sent. */
const MARK = { script: 'NONCEOFSCRIPTS', style: 'NONCEOFSTYLES' } as const;

/**
 * The Content-Security-Policy, built and checked by helmet once, cut where the
 * nonces go: each response's header is the pieces joined with its own two nonces,
 * so no request pays for building and checking the directives again.
 */
function policyPieces(): [string, string, string] {
  const middleware = policyMiddleware({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", `'nonce-${MARK.script}'`],
      styleSrc: ["'self'", `'nonce-${MARK.style}'`],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  });
  let policy = '';
  const recorder = {
    setHeader: (_name: string, value: string) => {
      policy = value;
    },
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  const [before, rest] = policy.split(MARK.script) as [string, string];
  const [between, after] = rest.split(MARK.style) as [string, string];
  if (after === undefined) throw new Error('the Content-Security-Policy has no place for its nonces');
  return [before, between, after];
}

/**
 * Security headers. The CSP allows scripts and styles only from this service,
 * plus the one inline script of the GOV.UK template, by a nonce per request:
 * never `unsafe-inline`. HSTS is sent only on responses served over HTTPS;
 * responses to a signed-in user are marked no-store.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = Object.entries(await helmetHeaders());
  const [policyStart, policyMiddle, policyEnd] = policyPieces();
  // Declared by @fastify/helmet's types; null until the hook below sets each reply's.
  app.decorateReply('cspNonce', null as unknown as FastifyReply['cspNonce']);
  app.addHook('onRequest', (_request, reply, done) => {
    const nonces = { script: freshNonce(), style: freshNonce() };
    reply.cspNonce = nonces;
    const response = reply.raw;
    for (const [name, value] of headers) response.setHeader(name, value as string);
    response.setHeader(
      'Content-Security-Policy',
      policyStart + nonces.script + policyMiddle + nonces.style + policyEnd,
    );
    done();
  });
  app.addHook('onSend', (request, reply, _payload, done) => {
    // Pages shown to a signed-in user are never kept by a browser or proxy cache.
    if (request.user) reply.header('Cache-Control', 'no-store');
    if (request.protocol === 'https') {
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    done();
  });
}
