import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '#src/web/errors.ts';
import { councilByGss, listCouncils, peopleOf } from './service.ts';
import { gssCode, PERSON_KINDS } from './validation.ts';

const councilSummary = z.object({ gssCode: z.string(), name: z.string(), shortName: z.string() });
const person = z.object({
  name: z.string(),
  kind: z.enum(PERSON_KINDS),
  publicRole: z.string(),
  party: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  source: z.string().nullable(),
});
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
});

/** The public read API of councils and the people in their public roles. */
export async function councilApi(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/councils',
    {
      schema: {
        summary: 'Every council in this deployment',
        tags: ['councils'],
        response: { 200: z.object({ councils: z.array(councilSummary) }) },
      },
    },
    async () => ({
      councils: (await listCouncils(app.database.db)).map(({ gssCode, name, shortName }) => ({
        gssCode,
        name,
        shortName,
      })),
    }),
  );

  app.get(
    '/api/v1/councils/:gss',
    {
      schema: {
        summary: 'A council and the people in its public roles',
        tags: ['councils'],
        params: z.object({ gss: gssCode }),
        response: { 200: councilSummary.extend({ people: z.array(person) }), 404: problem },
      },
    },
    async (request) => {
      const council = await councilByGss(app.database.db, request.params.gss);
      if (!council) throw new HttpError(404, `There is no council with the GSS code ${request.params.gss}.`);
      const list = await peopleOf(app.database.db, council.id);
      return {
        gssCode: council.gssCode,
        name: council.name,
        shortName: council.shortName,
        people: list.map(({ name, kind, publicRole, party, fromDate, toDate, source }) => ({
          name,
          kind,
          publicRole,
          party,
          fromDate,
          toDate,
          source,
        })),
      };
    },
  );
}
