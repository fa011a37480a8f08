/**
 * Something wrong with a proposed change, as a person reads it: the input field it
 * is about (so a form can show it beside that field) and a plain-English message
 * naming the rule broken and what is allowed.
 */
export interface Problem {
  field: string;
  message: string;
}

/**
 * A change a module's rules refuse, with the problems a person reads; each module
 * has its own subclass. Nothing was written.
 */
export class RuleError extends Error {
  constructor(
    readonly problems: Problem[],
    separator = ' ',
  ) {
    super(problems.map((p) => p.message).join(separator));
  }
}
