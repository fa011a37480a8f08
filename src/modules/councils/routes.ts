import type { FastifyInstance } from 'fastify';
import { isAllowed } from '#src/auth/policy.ts';
import { ROLE_LABELS } from '#src/auth/roles.ts';
import { isUniqueViolation } from '#src/db/errors.ts';
import { HttpError } from '#src/web/errors.ts';
import { fieldErrors } from '#src/web/form-errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil, currentUser } from '#src/web/request.ts';
import type { Person } from './schema.ts';
import { addPerson, listCouncils, type PeopleCount, peopleCountsOf, peopleOf } from './service.ts';
import { PERSON_KINDS, personInput } from './validation.ts';

const KIND_HEADINGS: Record<(typeof PERSON_KINDS)[number], string> = {
  commissioner: 'Commissioners',
  councillor: 'Councillors',
  officer: 'Statutory officers',
  independent: 'Independent members and persons',
  minister: 'Secretaries of State',
};

function grouped(list: Person[]) {
  return PERSON_KINDS.map((kind) => ({
    kind,
    heading: KIND_HEADINGS[kind],
    people: list.filter((p) => p.kind === kind),
  })).filter((g) => g.people.length > 0);
}

function counted(counts: PeopleCount[]) {
  return PERSON_KINDS.map((kind) => ({
    kind,
    heading: KIND_HEADINGS[kind],
    count: counts.find((c) => c.kind === kind)?.count ?? 0,
  })).filter((g) => g.count > 0);
}

/** The public start page, role home pages and the council pages. */
export async function councilRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  app.get('/', async (request, reply) => {
    return renderPage(request, reply, 'modules/councils/views/start.njk', {
      councils: await listCouncils(db()),
    });
  });

  app.get('/home', { config: { action: 'home:view' } }, async (request, reply) => {
    const user = currentUser(request);
    const councils = user.role === 'department' ? await listCouncils(db()) : [];
    // The session lookup has read the user's council in the same statement as the user.
    const own = request.userCouncil ?? undefined;
    const gss = own?.gssCode;
    const tasks = [
      {
        action: 'people:manage' as const,
        text: 'Record a person in a public role',
        href: gss && `/councils/${gss}/people/new`,
      },
      {
        action: 'home:view' as const,
        text: 'See who holds each power today, or on any date',
        href: gss && `/councils/${gss}/powers`,
      },
      {
        action: 'decisions:record' as const,
        text: 'Record a decision you took',
        href: gss && `/councils/${gss}/decisions/new`,
      },
      {
        action: 'powers:restore' as const,
        text: 'Run the restoration protocol',
        href: gss && `/councils/${gss}/restorations`,
      },
      {
        action: 'home:view' as const,
        text: 'See the improvement plans, their status on any date, and the indicators',
        href: gss && `/councils/${gss}/plans`,
      },
      {
        action: 'improvement:manage' as const,
        text: 'Add a plan or action list, checked against earlier plans',
        href: gss && `/councils/${gss}/plans/new`,
      },
      {
        action: 'improvement:manage' as const,
        text: 'Record an indicator value',
        href: gss && `/councils/${gss}/indicators`,
      },
      {
        action: 'ledger:view' as const,
        text: 'Read the ledger of every change',
        href: gss && `/councils/${gss}/ledger`,
      },
      {
        action: 'ledger:verify' as const,
        text: 'Verify that the record has not been altered',
        href: '/ledger/verify',
      },
    ].filter((t) => t.href && isAllowed(user.role, t.action));
    return renderPage(request, reply, 'modules/councils/views/home.njk', {
      tasks,
      councils,
      ownCouncil: own,
      people: own ? counted(await peopleCountsOf(db(), own.id)) : [],
      roleLabel: ROLE_LABELS[user.role],
    });
  });

  app.get('/councils/:gss', { config: { action: 'council:view' } }, async (request, reply) => {
    const council = currentCouncil(request);
    const query = request.query as { added?: string };
    return renderPage(request, reply, 'modules/councils/views/council.njk', {
      groups: grouped(await peopleOf(db(), council.id)),
      canManage:
        isAllowed(currentUser(request).role, 'people:manage') &&
        currentUser(request).councilId === council.id,
      added: query.added === '1',
    });
  });

  app.get('/councils/:gss/people/new', { config: { action: 'people:manage' } }, async (request, reply) => {
    return renderPage(request, reply, 'modules/councils/views/person-new.njk', {
      values: {},
      kinds: PERSON_KINDS,
      headings: KIND_HEADINGS,
    });
  });

  app.post('/councils/:gss/people', { config: { action: 'people:manage' } }, async (request, reply) => {
    const council = currentCouncil(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = personInput.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderPage(request, reply, 'modules/councils/views/person-new.njk', {
        errors: fieldErrors(parsed.error),
        values: body,
        kinds: PERSON_KINDS,
        headings: KIND_HEADINGS,
      });
    }
    try {
      await db().transaction((tx) =>
        addPerson(tx, council.id, parsed.data, { actor: currentUser(request).email }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      reply.code(400);
      return renderPage(request, reply, 'modules/councils/views/person-new.njk', {
        errors: { name: `${parsed.data.name} is already recorded as ${parsed.data.publicRole}` },
        values: body,
        kinds: PERSON_KINDS,
        headings: KIND_HEADINGS,
      });
    }
    return reply.redirect(`/councils/${council.gssCode}?added=1`, 303);
  });
}
