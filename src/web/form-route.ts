import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Action } from '#src/auth/policy.ts';
import type { Tx } from '#src/db/client.ts';
import { type Problem, RuleError } from '#src/modules/powers/rules/problem.ts';
import type { FieldErrors } from './filters/errors.ts';
import { fieldErrors } from './form-errors.ts';
import { renderPage } from './render.ts';

/**
 * What a save returns: where to go next, or the problems of a refusal that is
 * itself a record (a licence gate attempt), so the transaction commits and the
 * form is shown again with them.
 */
export type SaveOutcome = string | { refused: Problem[] };

export interface FormSpec<T, C> {
  /** The address of the form page; the form posts to the same address. */
  path: string;
  action: Action;
  /** The view, from the views root (`modules/…/views/….njk`). */
  template: string;
  schema: z.ZodType<T>;
  /**
   * The form's fields in order. When given, a problem about anything else is shown
   * at the first; when not, each problem is shown at the path it names ('form' for none).
   */
  fields?: readonly string[];
  /** The records the form is about (throw a 404 when there are none), read before showing or saving. */
  load: (request: FastifyRequest) => Promise<C>;
  /** What the page needs besides the values and errors. */
  context?: (loaded: C, request: FastifyRequest) => Record<string, unknown>;
  /** The values a new form starts with (a choice made by the link that led here). */
  start?: (request: FastifyRequest, loaded: C) => Record<string, unknown>;
  /** Turns the posted body into the schema's input (e.g. checkboxes into a list). */
  prepare?: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Which field a problem of the rules is about and what it says, when that differs from the rule's. */
  problem?: (p: Problem) => Problem;
  /** Saves in a transaction and says where to go next, or what refused it. */
  save: (tx: Tx, request: FastifyRequest, input: T, loaded: C) => Promise<SaveOutcome>;
}

/** Problems as GOV.UK field errors: at their own field, or the first of `fields` when they name none of them. */
function problemErrors(problems: readonly Problem[], fields: readonly string[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = fields ? (fields.includes(p.field) ? p.field : (fields[0] as string)) : p.field || 'form';
    errors[field] = errors[field] ? `${errors[field]} ${p.message}` : p.message;
  }
  return errors;
}

/** Zod issues as GOV.UK field errors, the first message for each field. */
function inputErrors(error: z.ZodError, fields: readonly string[] | undefined): FieldErrors {
  if (!fields) return fieldErrors(error);
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const head = String(issue.path[0] ?? '');
    errors[fields.includes(head) ? head : (fields[0] as string)] ??= issue.message;
  }
  return errors;
}

/**
 * A GOV.UK form page and its POST (CSRF-checked for every POST by the forms
 * plugin): invalid input or a change the rules refuse re-renders the form with
 * the error summary (400) and writes nothing; a refusal the save returns is
 * shown the same way after its transaction has committed.
 */
export function formRoute<T, C>(app: FastifyInstance, spec: FormSpec<T, C>): void {
  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: C,
    values: Record<string, unknown>,
    errors?: FieldErrors,
  ) => {
    if (errors) reply.code(400);
    return renderPage(request, reply, spec.template, {
      ...spec.context?.(loaded, request),
      values,
      errors,
      formAction: request.url.split('?')[0],
    });
  };
  const refused = (problems: readonly Problem[]) =>
    problemErrors(spec.problem ? problems.map(spec.problem) : problems, spec.fields);

  app.get(spec.path, { config: { action: spec.action } }, async (request, reply) => {
    const loaded = await spec.load(request);
    return show(request, reply, loaded, spec.start?.(request, loaded) ?? {});
  });
  app.post(spec.path, { config: { action: spec.action } }, async (request, reply) => {
    const loaded = await spec.load(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = spec.schema.safeParse(spec.prepare ? spec.prepare(body) : body);
    if (!parsed.success) return show(request, reply, loaded, body, inputErrors(parsed.error, spec.fields));
    try {
      const next = await app.database.db.transaction((tx) => spec.save(tx, request, parsed.data, loaded));
      if (typeof next !== 'string') return show(request, reply, loaded, body, refused(next.refused));
      return reply.redirect(next, 303);
    } catch (error) {
      if (error instanceof RuleError) return show(request, reply, loaded, body, refused(error.problems));
      throw error;
    }
  });
}
