/** Form errors keyed by field name, each with the message a person reads. */
export type FieldErrors = Record<string, string>;

/** The items of a GOV.UK error summary, each linking to its field. */
export function errorSummaryItems(errors: FieldErrors | undefined): { text: string; href: string }[] {
  return Object.entries(errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` }));
}

/** The `errorMessage` option of a GOV.UK field macro, or false when the field has no error. */
export function fieldError(errors: FieldErrors | undefined, field: string): { text: string } | false {
  const text = errors?.[field];
  return text ? { text } : false;
}
