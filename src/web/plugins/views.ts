import path from 'node:path';
import { fileURLToPath } from 'node:url';
import view from '@fastify/view';
import type { FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import { registerFilters } from '../filters/index.ts';
import { registerFragments } from '../fragments.ts';
import { GOVUK_DIST } from './static.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Nunjucks with the GOV.UK Frontend macros. @fastify/view configures the one
 * global environment; filters are added in its onConfigure hook.
 */
export async function registerViews(app: FastifyInstance, options: { watch?: boolean } = {}): Promise<void> {
  const watch = options.watch ?? false;
  await app.register(view, {
    engine: { nunjucks },
    templates: [path.join(SRC, 'web', 'views'), SRC, GOVUK_DIST],
    options: {
      autoescape: true,
      throwOnUndefined: false,
      watch,
      onConfigure: (env: nunjucks.Environment) => {
        registerFilters(env);
        registerFragments(env, { reuse: !watch });
      },
    },
  });
}
