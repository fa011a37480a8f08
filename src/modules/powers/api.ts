import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '#src/modules/councils/api.ts';
import { peopleOf } from '#src/modules/councils/service.ts';
import { gssCode } from '#src/modules/councils/validation.ts';
import { HttpError } from '#src/web/errors.ts';
import { currentCouncil } from '#src/web/request.ts';
import { DECISIONS_PAGE_SIZE, decisionsOf, readinessOf } from './decision-queries.ts';
import { holdingJson, todayInLondon } from './present.ts';
import { councilPowers } from './record.ts';
import { functionHistory, holdingsOn } from './rules/holders.ts';
import { restorationStatus } from './rules/protocol.ts';
import { restorationState } from './service.ts';

const isoDate = z.iso.date({ message: 'must be a real date written YYYY-MM-DD, such as 2016-03-01' });
const holding = z.object({
  function: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    service: z.string(),
    portfolio: z.string().nullable(),
  }),
  mode: z.string(),
  holder: z.object({ kind: z.string(), name: z.string(), personId: z.string().nullable() }),
  since: z.string().nullable(),
  why: z.string(),
  records: z.object({
    direction: z.object({ id: z.string(), title: z.string(), inForceFrom: z.string() }).nullable(),
    provision: z.object({ id: z.string(), mode: z.string() }).nullable(),
    restoration: z.object({ id: z.string(), title: z.string() }).nullable(),
    allocation: z
      .object({
        id: z.string(),
        holderName: z.string(),
        fromDate: z.string(),
        toDate: z.string().nullable(),
        reason: z.string(),
      })
      .nullable(),
  }),
});
const readinessFigure = z.object({
  key: z.string(),
  name: z.string(),
  decisions: z.number().int(),
  asProposed: z.number().int(),
  share: z.number().nullable(),
  quarters: z.array(
    z.object({
      quarter: z.string(),
      decisions: z.number().int(),
      asProposed: z.number().int(),
      share: z.number().nullable(),
      decisionIds: z.array(z.string()),
    }),
  ),
  decisionIds: z.array(z.string()),
});
const gss = z.object({ gss: gssCode });

/**
 * A record as the public API gives it: without its council (the address names it)
 * and without the withdrawal fields (withdrawn records are not read at all).
 */
const strip = <T extends { councilId: string; withdrawnAt: unknown; withdrawnReason: unknown }>({
  councilId,
  withdrawnAt,
  withdrawnReason,
  ...rest
}: T) => rest;
const tags = ['powers'];
const errors = { 400: problem, 404: problem };

/** The public read API of the Powers module: who holds what, Directions, restorations, decisions, readiness. */
export async function powersApi(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  app.get(
    '/api/v1/councils/:gss/powers',
    {
      schema: {
        summary: 'Every function with its holder on a date, and the records that put the holder there',
        description:
          'Derived from the Directions, restorations and allocations in force on the date (default: today).',
        tags,
        params: gss,
        querystring: z.object({ date: isoDate.optional() }),
        response: { 200: z.object({ date: isoDate, functions: z.array(holding) }), ...errors },
      },
      // The answer is built by holdingJson, whose type the schema mirrors: it is written
      // straight out rather than parsed again field by field (500 functions, 400 KB).
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const date = request.query.date ?? todayInLondon();
      const powers = await councilPowers(db(), currentCouncil(request).id);
      return { date, functions: holdingsOn(powers, date).map(holdingJson) };
    },
  );

  app.get(
    '/api/v1/councils/:gss/powers/:code/history',
    {
      schema: {
        summary: 'Every change of a function’s holder, in date order',
        tags,
        params: gss.extend({ code: z.string().max(100) }),
        response: { 200: z.object({ history: z.array(holding) }), ...errors },
      },
    },
    async (request) => {
      const powers = await councilPowers(db(), currentCouncil(request).id);
      const fn = powers.functions.find((f) => f.code === request.params.code);
      if (!fn) throw new HttpError(404, `There is no function with the code ${request.params.code}.`);
      return { history: functionHistory(powers, fn.id).map(holdingJson) };
    },
  );

  app.get(
    '/api/v1/councils/:gss/directions',
    {
      schema: {
        summary: 'The council’s Directions, each with what it provides for each function',
        tags,
        params: gss,
        response: { 200: z.object({ directions: z.array(z.record(z.string(), z.unknown())) }), ...errors },
      },
    },
    async (request) => {
      const powers = await councilPowers(db(), currentCouncil(request).id);
      const names = new Map(powers.functions.map((f) => [f.id, f]));
      return {
        directions: powers.directions.map((d) => ({
          ...strip(d),
          provisions: powers.provisions
            .filter((p) => p.directionId === d.id)
            .map((p) => ({
              functionCode: names.get(p.functionId)?.code,
              function: names.get(p.functionId)?.name,
              mode: p.mode,
            })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/restorations',
    {
      schema: {
        summary: 'Restoration proposals: functions and criteria, steps, pauses, representations and status',
        tags,
        params: gss,
        response: { 200: z.object({ restorations: z.array(z.record(z.string(), z.unknown())) }), ...errors },
      },
    },
    async (request) => {
      const powers = await councilPowers(db(), currentCouncil(request).id);
      return {
        restorations: powers.restorations.map((r) => {
          const state = restorationState(powers, r.id);
          return {
            ...strip(r),
            status: restorationStatus(state),
            functions: state.functions.map(strip),
            steps: state.steps.map(strip),
            pauses: state.pauses.map(strip),
            representations: state.representations.map(strip),
          };
        }),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/decisions',
    {
      schema: {
        summary: 'Executive decisions, newest first, a page at a time',
        tags,
        params: gss,
        querystring: z.object({
          function: z.string().max(100).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            decisions: z.array(z.record(z.string(), z.unknown())),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const council = currentCouncil(request);
      const { function: code, from, to, page } = request.query;
      let functionId: string | undefined;
      if (code) {
        const powers = await councilPowers(db(), council.id);
        functionId = powers.functions.find((f) => f.code === code)?.id;
        if (!functionId) throw new HttpError(404, `There is no function with the code ${code}.`);
      }
      const { rows, total } = await decisionsOf(db(), council.id, { functionId, from, to }, page);
      return {
        total,
        page,
        pageSize: DECISIONS_PAGE_SIZE,
        decisions: rows.map(strip),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/readiness',
    {
      schema: {
        summary:
          'Readiness evidence: decisions and the share agreed as proposed, per function and per councillor, by quarter',
        tags,
        params: gss,
        response: {
          200: z.object({ byFunction: z.array(readinessFigure), byCouncillor: z.array(readinessFigure) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const council = currentCouncil(request);
      const [figures, powers, names] = await Promise.all([
        readinessOf(db(), council.id),
        councilPowers(db(), council.id),
        peopleNames(request),
      ]);
      const functionNames = new Map(powers.functions.map((f) => [f.id, f.name]));
      return {
        byFunction: figures.byFunction.map((f) => ({ ...f, name: functionNames.get(f.key) ?? f.key })),
        byCouncillor: figures.byCouncillor.map((f) => ({ ...f, name: names.get(f.key) ?? f.key })),
      };
    },
  );

  async function peopleNames(request: Parameters<typeof currentCouncil>[0]) {
    const list = await peopleOf(db(), currentCouncil(request).id);
    return new Map(list.map((p) => [p.id, p.name]));
  }
}
