import type { CheckKind, LicenceKind, ReviewOutcome } from './types.ts';

/*
 * The names people use for the Licensing module's kinds of thing, written to sit
 * inside a sentence ("The enhanced DBS certificate is overdue"). Pages, messages
 * and the register all take their words from here, so a check is called the same
 * everywhere.
 */

/** Each check's name, in lower case as it reads mid-sentence. */
export const CHECK_NAMES: Readonly<Record<CheckKind, string>> = {
  dbs_enhanced: 'enhanced DBS certificate',
  dbs_update_service: 'DBS update service subscription',
  dbs_status_check: 'DBS update service status check',
  basic_dbs: 'basic DBS certificate',
  driving_licence: 'DVLA driving licence check',
  right_to_work: 'right to work check',
  medical: 'medical (Group 2 standard)',
  safeguarding_training: 'safeguarding training',
  vehicle_inspection: 'vehicle inspection',
};

/** Each kind of licence, as a person names it. */
export const LICENCE_KIND_NAMES: Readonly<Record<LicenceKind, string>> = {
  hackney_carriage_driver: 'hackney carriage driver licence',
  private_hire_driver: 'private hire driver licence',
  dual_driver: 'dual hackney carriage and private hire driver licence',
  hackney_carriage_vehicle: 'hackney carriage vehicle licence',
  private_hire_vehicle: 'private hire vehicle licence',
  private_hire_operator: 'private hire operator licence',
};

/** What a review decided, as a person says it. */
export const OUTCOME_NAMES: Readonly<Record<ReviewOutcome, string>> = {
  revoke: 'licence revoked',
  suspend: 'licence suspended',
  formal_warning: 'formal warning',
  no_further_action: 'no further action',
};

/**
 * A name with its first letter in capitals, to start a sentence:
 * `sentenceCase('enhanced DBS certificate')` is `'Enhanced DBS certificate'`.
 */
export function sentenceCase(text: string): string {
  return text.length === 0 ? text : `${text[0]?.toUpperCase()}${text.slice(1)}`;
}
