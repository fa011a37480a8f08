import type nunjucks from 'nunjucks';
import { govukDate, govukDateTime } from './dates.ts';
import { errorSummaryItems, fieldError } from './errors.ts';
import { percent } from './percent.ts';

/** Adds Fresh Start's filters to the Nunjucks environment. */
export function registerFilters(env: nunjucks.Environment): void {
  env.addFilter('govukDate', govukDate);
  env.addFilter('govukDateTime', govukDateTime);
  env.addFilter('errorSummaryItems', errorSummaryItems);
  env.addFilter('fieldError', fieldError);
  env.addFilter('percent', percent);
}
