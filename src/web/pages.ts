import type { FastifyInstance } from 'fastify';
import { renderPage } from './render.ts';

/** Pages that belong to the service as a whole. */
export async function pageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/accessibility', async (request, reply) => renderPage(request, reply, 'accessibility.njk'));
  app.get('/health', async () => ({ status: 'ok' }));
}
