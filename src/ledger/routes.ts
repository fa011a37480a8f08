import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '#src/web/errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil } from '#src/web/request.ts';
import { latestCheckpoint, ledgerHeadOf } from './checkpoint.ts';
import { councilLedgerPage, verifyDeployment } from './service.ts';

const PAGE_SIZE = 50;
const pageQuery = z.object({ before: z.coerce.number().int().positive().optional() });

/** The ledger pages and the public ledger head. */
export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  app.get('/councils/:gss/ledger', { config: { action: 'ledger:view' } }, async (request, reply) => {
    const query = pageQuery.safeParse(request.query);
    if (!query.success)
      throw new HttpError(400, 'before must be a positive whole number (a ledger entry number).');
    const entries = await councilLedgerPage(app.database.db, currentCouncil(request).id, {
      before: query.data.before,
      limit: PAGE_SIZE,
    });
    const last = entries.at(-1);
    return renderPage(request, reply, 'ledger/views/ledger.njk', {
      entries,
      olderHref: entries.length === PAGE_SIZE && last ? `?before=${last.seq}` : undefined,
    });
  });

  app.get('/ledger/verify', { config: { action: 'ledger:verify' } }, async (request, reply) => {
    const report = await verifyDeployment(app.database.db, app.config);
    request.log.info(
      { event: 'ledger-verified', ok: report.ok, entries: report.entries, by: request.user?.id },
      'ledger verified',
    );
    return renderPage(request, reply, 'ledger/views/verify.njk', { report });
  });

  app.get(
    '/api/v1/ledger/head',
    {
      schema: {
        summary: 'The ledger head and the latest signed checkpoint',
        tags: ['ledger'],
        response: {
          200: z.object({
            count: z.number().int(),
            rootHash: z.string(),
            checkpoint: z
              .object({
                count: z.number().int(),
                rootHash: z.string(),
                at: z.string(),
                signature: z.string(),
              })
              .nullable(),
          }),
        },
      },
    },
    async () => ({
      ...(await ledgerHeadOf(app.database.db)),
      checkpoint: latestCheckpoint(app.config.checkpointFile) ?? null,
    }),
  );
}
