import { z } from 'zod';

/*
 * The fields every module's forms share, each refusal naming the field and what
 * is allowed, as the GOV.UK error summary shows it.
 */

/** The label with its first letter in capitals, to begin a message with. */
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Form text: trimmed, required, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${capital(label)} must be ${max} characters or fewer`);

/** Optional form text: an empty field is null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${capital(label)} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => v || null);

/**
 * A required date field written YYYY-MM-DD (what a browser's date picker sends);
 * `example` is the date the message shows, one that makes sense for the form.
 *
 * @example dateField('the date of the decision', '2016-02-01')
 */
export const dateField = (label: string, example: string) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .pipe(
      z.iso.date({ message: `${capital(label)} must be a real date written YYYY-MM-DD, such as ${example}` }),
    );
