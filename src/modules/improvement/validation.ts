import { z } from 'zod';
import { capital, dateField, optionalText, requiredText } from '#src/web/form-fields.ts';
import { PROJECT_STATUSES } from './rules/types.ts';
import { EVIDENCE_KINDS, PLAN_KINDS } from './schema.ts';

/*
 * What the Improvement pages, forms and API accept, each refusal naming the
 * field and what is allowed. Dates are written YYYY-MM-DD (what a browser's
 * date picker sends). There is no status anywhere: a status is derived.
 */

/** A blank query field (a GET form sends `from=` for an empty box) is the same as none. */
const blankAsNone = (v: unknown) => (v === '' ? undefined : v);

/** An optional date in a query, such as `?date=2015-10-31`. */
const queryDate = (label: string) =>
  z.preprocess(
    blankAsNone,
    z.iso
      .date({ message: `${capital(label)} must be a real date written YYYY-MM-DD, such as 2015-10-31` })
      .optional(),
  );

/** The `date` query of a page as at a date: a real date, or none for today. */
export const asAtQuery = z.object({ date: queryDate('the date') });

/** The plan page's query: the date, and the period for re-baselines (default: the three months to the date). */
export const planQuery = z
  .object({
    date: queryDate('the date'),
    from: queryDate('the first day of the period'),
    to: queryDate('the last day of the period'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The first day of the period must be the same as or before the last day',
    path: ['from'],
  });

/** The list of a plan's projects: as at a date, optionally only those of one derived status. */
export const projectsQuery = z.object({
  date: queryDate('the date'),
  status: z.preprocess(
    blankAsNone,
    z
      .enum(PROJECT_STATUSES, {
        message: `The status must be one of ${PROJECT_STATUSES.join(', ')}`,
      })
      .optional(),
  ),
  page: z.preprocess(
    blankAsNone,
    z.coerce
      .number({ message: 'The page must be a whole number, 1 or more' })
      .int('The page must be a whole number, 1 or more')
      .min(1, 'The page must be a whole number, 1 or more')
      .max(100_000, 'The page must be 100,000 or less')
      .default(1),
  ),
});

/** A select of one record, or an empty choice (null) where that is allowed. */
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid({ message }).nullable());

export const completionInput = z.object({
  completedOn: dateField('the date it was completed', '2015-10-31'),
  evidenceKind: z.enum(EVIDENCE_KINDS, {
    message: 'Choose the kind of evidence: a document, a link or a record in Fresh Start',
  }),
  evidence: requiredText('the evidence that the milestone is done', 2000),
});
export type CompletionInput = z.output<typeof completionInput>;

export const rebaselineInput = z.object({
  /** `project` for the project's own due date, or a milestone's id. */
  milestoneId: z
    .string({ message: 'Choose the due date that is moving' })
    .trim()
    .min(1, 'Choose the due date that is moving')
    .pipe(z.union([z.literal('project'), z.uuid()], { message: 'Choose the due date that is moving' }))
    .transform((v) => (v === 'project' ? null : v)),
  toDate: dateField('the new due date', '2015-10-31'),
  reason: requiredText('the reason the date is moving', 5000),
  approvedBy: requiredText('who approved the new date', 300),
  approvedOn: dateField('the date it was approved', '2015-10-31'),
});
export type RebaselineFormInput = z.output<typeof rebaselineInput>;

export const managementActionInput = z.object({
  milestoneId: optionalId('Choose a milestone of this project, or the whole project'),
  action: requiredText('the management action', 5000),
  owner: requiredText('the owner of the action', 300),
  agreedOn: dateField('the date it was agreed', '2015-10-31'),
  dueOn: dateField('the date it is due', '2015-10-31'),
});
export type ManagementActionFormInput = z.output<typeof managementActionInput>;

export const commentaryInput = z.object({
  writtenOn: dateField('the date of the commentary', '2015-10-31'),
  body: requiredText('the commentary', 10_000),
});
export type CommentaryInput = z.output<typeof commentaryInput>;

/** A number as people type it: "26.5", "1,200", " -3 ". */
const figure = z
  .string({ message: 'Enter the value' })
  .trim()
  .min(1, 'Enter the value')
  .transform((v) => v.replaceAll(',', ''))
  .refine((v) => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(v), 'Enter the value as a number, like 26.5')
  .transform(Number);

export const indicatorValueInput = z.object({
  periodStart: dateField('the period', '2015-10-31'),
  value: figure,
  commentary: requiredText('a commentary: say what the figure shows and why', 10_000),
  measure: requiredText('the measure the value came from: the report, extract or record', 2000),
  correctionReason: optionalText('The reason for the correction', 5000),
});
export type IndicatorValueFormInput = z.output<typeof indicatorValueInput>;

/** Most items a plan added through the form may have: the form's body is at most 100 KB anyway. */
export const MOST_ITEMS = 2000;
const ITEM_LENGTH = 500;

export const planInput = z.object({
  title: requiredText('the title of the plan', 500),
  kind: z.enum(PLAN_KINDS, { message: 'Choose whether it is an improvement plan or an action plan' }),
  adoptedOn: dateField('the date it was adopted', '2015-10-31'),
  dueOn: dateField('the date the items are due', '2015-10-31'),
  accountableOfficer: requiredText('the officer accountable for the items', 300),
  summary: optionalText('The summary', 10_000),
  source: optionalText('The source', 300),
  items: z
    .string({ message: 'Enter the items, one per line' })
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .pipe(
      z
        .array(z.string().max(ITEM_LENGTH, `Each item must be ${ITEM_LENGTH} characters or fewer`))
        .min(1, 'Enter the items, one per line')
        .max(MOST_ITEMS, `Enter at most ${MOST_ITEMS} items`),
    ),
});
export type PlanFormInput = z.output<typeof planInput>;
