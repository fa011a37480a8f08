import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '#src/modules/councils/api.ts';
import { gssCode } from '#src/modules/councils/validation.ts';
import { snapshot } from '#src/modules/improvement/record.ts';
import { todayInLondon } from '#src/modules/powers/present.ts';
import { HttpError } from '#src/web/errors.ts';
import { currentCouncil, currentUser } from '#src/web/request.ts';
import { complianceFacts } from './facts.ts';
import { casesOf } from './record.ts';
import { complianceView } from './rules/compliance.ts';
import { type CaseFigure, reviewSummary } from './rules/reviews.ts';
import {
  CHECK_KINDS,
  CHECK_STANDINGS,
  LICENCE_KINDS,
  REGISTER_ACTIONS,
  REVIEW_OUTCOMES,
} from './rules/types.ts';
import { LicensingRuleError, searchRegister } from './service.ts';

/*
 * The Licensing read API. The review summary carries no personal data and is
 * public, as the Lead Commissioner's reports are; the compliance view and the
 * register name licence holders and need a signed-in licensing role.
 */

const isoDate = z.iso.date({ message: 'must be a real date written YYYY-MM-DD, such as 2015-11-27' });
const gss = z.object({ gss: gssCode });
const tags = ['licensing'];
const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

const caseFigure = z.object({ count: z.number().int(), caseIds: z.array(z.string()) });
const holderFigure = z.object({ count: z.number().int(), holderIds: z.array(z.string()) });
const figures = z.object({
  holders: holderFigure,
  compliant: holderFigure,
  due: holderFigure,
  overdue: holderFigure,
  trained: holderFigure,
  trainedShare: z.number().nullable(),
});
const position = z.object({
  kind: z.enum(CHECK_KINDS),
  standing: z.enum(CHECK_STANDINGS),
  checkId: z.string().nullable(),
  doneOn: isoDate.nullable(),
  runsOutOn: isoDate.nullable(),
  message: z.string(),
});
const entry = z.object({
  id: z.string(),
  action: z.enum(REGISTER_ACTIONS),
  decidedOn: isoDate,
  effectiveOn: isoDate,
  reasons: z.string(),
  name: z.string(),
  dateOfBirth: isoDate.nullable(),
  licenceNumber: z.string(),
  licenceKind: z.enum(LICENCE_KINDS),
});

const positionJson = ({ limit, ...p }: { limit: unknown } & z.infer<typeof position>) => p;

export async function licensingApi(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  app.get(
    '/api/v1/councils/:gss/licensing/reviews/summary',
    {
      schema: {
        summary:
          'The fit-and-proper reviews on a date: every case identified, accounted for, each figure with its case ids',
        description:
          'Cases identified, heard (by outcome), scheduled for a hearing, closed otherwise and not yet accounted for on the date (default: today in London). Stages are derived from the cases, hearings and decisions.',
        tags,
        params: gss,
        querystring: z.object({ date: isoDate.optional() }),
        response: {
          200: z.object({
            date: isoDate,
            identified: caseFigure,
            heard: caseFigure,
            byOutcome: z.object(Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o, caseFigure]))),
            immediate: caseFigure,
            scheduled: caseFigure,
            lastHearingOn: isoDate.nullable(),
            closedOtherwise: caseFigure,
            notYetAccounted: caseFigure,
            references: z.record(z.string(), z.string()),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInLondon();
      const cases = await snapshot(db(), (tx) => casesOf(tx, currentCouncil(request).id));
      const { on, ...summary } = reviewSummary(
        cases.map((c) => c.facts),
        date,
      );
      return {
        date: on,
        ...(summary as typeof summary & { byOutcome: Record<string, CaseFigure> }),
        references: Object.fromEntries(cases.map((c) => [c.record.id, c.record.reference])),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/licensing/compliance',
    {
      config: { action: 'licensing:view' },
      schema: {
        summary:
          'Licence holders’ checks and training on a date: overdue, due in the next 30 days, and trained',
        description:
          'For the holders holding a licence on the date (default: today in London), in all and per kind of licence, each figure with its holder ids; then the holders whose checks need attention. Needs a signed-in licensing officer or Commissioner: it names licence holders.',
        tags,
        params: gss,
        querystring: z.object({ date: isoDate.optional() }),
        response: {
          200: z.object({
            date: isoDate,
            all: figures,
            byKind: z.array(z.object({ kind: z.enum(LICENCE_KINDS), figures })),
            attention: z.array(
              z.object({
                holderId: z.string(),
                name: z.string(),
                kinds: z.array(z.enum(LICENCE_KINDS)),
                licenceNumbers: z.array(z.string()),
                overdue: z.array(position),
                due: z.array(position),
                trained: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInLondon();
      const holders = await complianceFacts(db(), currentCouncil(request).id);
      const view = complianceView(holders, date);
      return {
        date: view.on,
        all: view.all,
        byKind: view.byKind,
        attention: view.attention.map((a) => ({
          ...a,
          overdue: a.overdue.map(positionJson),
          due: a.due.map(positionJson),
        })),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/licensing/register',
    {
      config: { action: 'licensing:view' },
      schema: {
        summary: 'Search the register of refusals, suspensions and revocations',
        description:
          'By any of name (every word must be among the entry’s names; case, accents, punctuation and order do not matter), date of birth and licence number; at least one is needed. Every search is recorded in the ledger with who made it and how many entries it found. Needs a signed-in licensing officer or Commissioner.',
        tags,
        params: gss,
        querystring: z.object({
          name: z.string().max(200).optional(),
          dateOfBirth: isoDate.optional(),
          licenceNumber: z.string().max(40).optional(),
        }),
        response: {
          200: z.object({ total: z.number().int(), entries: z.array(entry) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const criteria = {
        name: q.name?.trim() || null,
        dateOfBirth: q.dateOfBirth ?? null,
        licenceNumber: q.licenceNumber?.trim() || null,
      };
      try {
        const result = await db().transaction((tx) =>
          searchRegister(tx, currentCouncil(request).id, criteria, { actor: currentUser(request).email }),
        );
        return {
          total: result.total,
          entries: result.rows.map((r) => ({
            id: r.id,
            action: r.action,
            decidedOn: r.decidedOn,
            effectiveOn: r.effectiveOn,
            reasons: r.reasons,
            name: r.name,
            dateOfBirth: r.dateOfBirth,
            licenceNumber: r.licenceNumber,
            licenceKind: r.licenceKind,
          })),
        };
      } catch (error) {
        if (error instanceof LicensingRuleError) throw new HttpError(400, error.message);
        throw error;
      }
    },
  );
}
