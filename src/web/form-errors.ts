import type { z } from 'zod';
import type { FieldErrors } from './filters/errors.ts';

/** Turns zod issues into GOV.UK field errors: the first message for each field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}
