import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { snapshot } from '#src/modules/improvement/record.ts';
import { todayInLondon } from '#src/modules/powers/present.ts';
import { HttpError } from '#src/web/errors.ts';
import type { FieldErrors } from '#src/web/filters/errors.ts';
import { fieldErrors } from '#src/web/form-errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil } from '#src/web/request.ts';
import { complianceFacts } from './facts.ts';
import { actor, labels, licensingBase, mayAct, options, paramId, VIEWS } from './present.ts';
import { findHolders, holderOf, vehicleChecksOf } from './record.ts';
import { type ComplianceView, complianceView, heldOn, holderCompliance } from './rules/compliance.ts';
import { statusOn } from './rules/gate.ts';
import { requiredChecks } from './rules/requirements.ts';
import { type CheckPosition, checkPositions } from './rules/standing.ts';
import { HOLDER_KINDS, LICENCE_KINDS } from './rules/types.ts';
import { unannouncedShares } from './rules/vehicle-checks.ts';
import { LicensingRuleError, searchRegister } from './service.ts';
import { licensingDateQuery, registerQuery } from './validation.ts';

/** Attention lines the compliance page lists; the download has every holder. */
const ATTENTION_LISTED = 100;

const holdersQuery = z.object({
  name: z
    .string()
    .trim()
    .max(200, 'The name must be 200 characters or fewer')
    .optional()
    .transform((v) => v || null),
  kind: z
    .enum(['', ...HOLDER_KINDS], { message: 'The kind must be driver, vehicle or operator, or left out' })
    .optional()
    .transform((v) => (v ? v : null)),
});

const checkList = (positions: readonly CheckPosition[]) =>
  positions.map((p) => `${labels.check[p.kind]}: ${labels.standing[p.standing]}`).join('; ');

/** A CSV download, named for the council and the day. */
function sendCsv(reply: FastifyReply, name: string, rows: (string | number)[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(stringify(rows));
}

/** The Licensing pages that read: the overview, holders, compliance, the register and vehicle checks. */
export async function licensingRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const councilId = (request: FastifyRequest) => currentCouncil(request).id;

  /** The parsed query, or the page shown with the error summary (400). */
  const parseQuery = <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    schema: z.ZodType<T>,
    template: string,
    context: Record<string, unknown> = {},
  ): { data: T } | { refused: FastifyReply } => {
    const query = schema.safeParse(request.query);
    if (query.success) return { data: query.data };
    reply.code(400);
    return {
      refused: renderPage(request, reply, `${VIEWS}/${template}`, {
        ...context,
        values: request.query,
        errors: fieldErrors(query.error),
        labels,
      }),
    };
  };

  app.get('/councils/:gss/licensing', async (request, reply) =>
    renderPage(request, reply, `${VIEWS}/overview.njk`, {
      base: licensingBase(request),
      canView: mayAct(request, 'licensing:view'),
      canManage: mayAct(request, 'licensing:manage'),
    }),
  );

  app.get(
    '/councils/:gss/licensing/holders',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const context = {
        base: licensingBase(request),
        kinds: options(HOLDER_KINDS, labels.holderKind),
        canManage: mayAct(request, 'licensing:manage'),
      };
      const parsed = parseQuery(request, reply, holdersQuery, 'holders.njk', context);
      if ('refused' in parsed) return parsed.refused;
      const found = await snapshot(db(), (tx) => findHolders(tx, councilId(request), parsed.data));
      return renderPage(request, reply, `${VIEWS}/holders.njk`, {
        ...context,
        values: request.query,
        found,
        labels,
      });
    },
  );

  app.get(
    '/councils/:gss/licensing/holders/:holderId',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const holderId = paramId(request, 'holderId', 'licence holder');
      const record = await snapshot(db(), (tx) => holderOf(tx, councilId(request), holderId));
      if (!record) throw new HttpError(404, 'There is no such licence holder.');
      const context = { base: licensingBase(request), record, labels };
      const parsed = parseQuery(request, reply, licensingDateQuery, 'holder.njk', {
        ...context,
        date: todayInLondon(),
        licences: [],
        positions: [],
      });
      if ('refused' in parsed) return parsed.refused;
      const date = parsed.data.date ?? todayInLondon();
      const licences = record.licences.map((l) => ({
        ...l,
        statusOnDate: statusOn(l, date),
        held: heldOn(l, date),
        gateAction:
          l.status === 'application' ? 'grant' : ['granted', 'expired'].includes(l.status) ? 'renew' : null,
      }));
      // The checks every licence of the holder requires, whether held on the date or applied for.
      const kinds = LICENCE_KINDS.filter((k) => record.licences.some((l) => l.kind === k));
      const positions = checkPositions(requiredChecks(kinds), record.checks, record.holder.dateOfBirth, date);
      return renderPage(request, reply, `${VIEWS}/holder.njk`, {
        ...context,
        date,
        values: parsed.data,
        licences,
        positions,
        numberOf: new Map(record.licences.map((l) => [l.id, l.number])),
        canManage: mayAct(request, 'licensing:manage'),
        saved: typeof (request.query as Record<string, unknown>).saved === 'string',
      });
    },
  );

  const complianceOn = async (request: FastifyRequest, date: string) => {
    const holders = await complianceFacts(db(), councilId(request));
    return { holders, view: complianceView(holders, date) };
  };

  app.get(
    '/councils/:gss/licensing/compliance',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const parsed = parseQuery(request, reply, licensingDateQuery, 'compliance.njk', {
        base: licensingBase(request),
      });
      if ('refused' in parsed) return parsed.refused;
      const date = parsed.data.date ?? todayInLondon();
      const { view } = await complianceOn(request, date);
      return renderPage(request, reply, `${VIEWS}/compliance.njk`, {
        base: licensingBase(request),
        date,
        values: parsed.data,
        view,
        kindRows: view.byKind.filter((k) => k.figures.holders.count > 0),
        attention: view.attention.slice(0, ATTENTION_LISTED),
        listed: ATTENTION_LISTED,
        labels,
      } satisfies Record<string, unknown> & { view: ComplianceView });
    },
  );

  app.get(
    '/councils/:gss/licensing/compliance.csv',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const parsed = licensingDateQuery.safeParse(request.query);
      if (!parsed.success) throw new HttpError(400, fieldErrors(parsed.error).date ?? 'Check the date.');
      const date = parsed.data.date ?? todayInLondon();
      const { holders } = await complianceOn(request, date);
      const lines = holders
        .flatMap((h) => holderCompliance(h, date) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name) || a.holderId.localeCompare(b.holderId));
      return sendCsv(reply, `licensing-compliance-${currentCouncil(request).gssCode}-${date}`, [
        [
          'Holder',
          'Holder id',
          'Licences',
          'Kinds of licence',
          'Overdue or missing',
          'Due within 30 days',
          'Trained in safeguarding',
          'As at',
        ],
        ...lines.map((l) => [
          l.name,
          l.holderId,
          l.licenceNumbers.join(' '),
          l.kinds.map((k) => labels.licenceKind[k]).join('; '),
          checkList(l.overdue),
          checkList(l.due),
          l.trained ? 'yes' : 'no',
          date,
        ]),
      ]);
    },
  );

  /**
   * A register search: with no criteria at all the page only shows the form;
   * with any, they are validated, the search is recorded and its entries shown.
   */
  const registerSearch = async (
    request: FastifyRequest,
  ): Promise<
    | { kind: 'form' }
    | { kind: 'refused'; errors: FieldErrors }
    | { kind: 'found'; result: Awaited<ReturnType<typeof searchRegister>> }
  > => {
    const q = request.query as Record<string, unknown>;
    if (!['name', 'dateOfBirth', 'licenceNumber'].some((k) => k in q)) return { kind: 'form' };
    const parsed = registerQuery.safeParse(q);
    if (!parsed.success) return { kind: 'refused', errors: fieldErrors(parsed.error) };
    const { format: _format, ...criteria } = parsed.data;
    try {
      const result = await db().transaction((tx) =>
        searchRegister(tx, councilId(request), criteria, actor(request)),
      );
      return { kind: 'found', result };
    } catch (error) {
      if (!(error instanceof LicensingRuleError)) throw error;
      const errors: FieldErrors = {};
      for (const p of error.problems) errors[p.field === 'form' ? 'name' : p.field] = p.message;
      return { kind: 'refused', errors };
    }
  };

  app.get(
    '/councils/:gss/licensing/register',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const search = await registerSearch(request);
      if (search.kind === 'refused') reply.code(400);
      const query = new URLSearchParams(request.query as Record<string, string>).toString();
      return renderPage(request, reply, `${VIEWS}/register.njk`, {
        base: licensingBase(request),
        values: request.query,
        errors: search.kind === 'refused' ? search.errors : undefined,
        found: search.kind === 'found' ? search.result : undefined,
        csvUrl: `${licensingBase(request)}/register.csv?${query}`,
        labels,
      });
    },
  );

  app.get(
    '/councils/:gss/licensing/register.csv',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const search = await registerSearch(request);
      if (search.kind === 'form')
        throw new HttpError(
          400,
          'Search the register by name, date of birth or licence number to download it.',
        );
      if (search.kind === 'refused') throw new HttpError(400, Object.values(search.errors).join(' '));
      return sendCsv(reply, `licensing-register-${currentCouncil(request).gssCode}`, [
        [
          'Action',
          'Name',
          'Date of birth',
          'Licence number',
          'Kind of licence',
          'Decided on',
          'Effective from',
          'Reasons',
        ],
        ...search.result.rows.map((r) => [
          labels.registerAction[r.action],
          r.name,
          r.dateOfBirth ?? '',
          r.licenceNumber,
          labels.licenceKind[r.licenceKind],
          r.decidedOn,
          r.effectiveOn,
          r.reasons,
        ]),
      ]);
    },
  );

  app.get('/councils/:gss/licensing/vehicle-checks', async (request, reply) => {
    const checks = await snapshot(db(), (tx) => vehicleChecksOf(tx, councilId(request)));
    return renderPage(request, reply, `${VIEWS}/vehicle-checks.njk`, {
      base: licensingBase(request),
      shares: unannouncedShares(checks),
      total: checks.length,
      canManage: mayAct(request, 'licensing:manage'),
      saved: typeof (request.query as Record<string, unknown>).saved === 'string',
    });
  });
}
