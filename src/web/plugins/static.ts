import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** The `dist` folder of govuk-frontend, found from the package, not the working directory. */
export const GOVUK_DIST = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

const PUBLIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

/** Serves the GOV.UK assets, stylesheet and script, and this service's own, all locally. */
export async function registerStatic(app: FastifyInstance): Promise<void> {
  const maxAge = 24 * 60 * 60 * 1000;
  await app.register(fastifyStatic, {
    root: path.join(GOVUK_DIST, 'govuk', 'assets'),
    prefix: '/assets/',
    maxAge,
  });
  await app.register(fastifyStatic, {
    root: path.join(GOVUK_DIST, 'govuk'),
    prefix: '/govuk/',
    decorateReply: false,
    maxAge,
    allowedPath: (pathname) => /^\/govuk-frontend\.min\.(css|js)$/.test(pathname),
  });
  await app.register(fastifyStatic, { root: PUBLIC, prefix: '/public/', decorateReply: false, maxAge });
}
