import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  gateAttemptEntity,
  holderEntity,
  licenceEntity,
  licensingCheckEntity,
  registerEntryEntity,
  registerSearchEntity,
  reviewCaseEntity,
  reviewDecisionEntity,
  reviewHearingEntity,
  vehicleCheckEntity,
} from '#src/db/ledgered.ts';
import type { LedgeredTable } from '#src/ledger/records.ts';
import { registerKeys } from '#src/modules/licensing/service.ts';
import type { LicensingList } from './licensing-schema.ts';

/** Where one list of the bundle's Licensing section is kept, and what import derives for its rows. */
export interface LicensingTable {
  list: LicensingList;
  entity: LedgeredTable;
  councilId: PgColumn;
  /** The columns derived from a record's own fields, which a bundle never carries. */
  derive?: (row: Record<string, unknown>) => Record<string, unknown>;
}

const table = <T extends PgTable & { councilId: PgColumn }>(
  list: LicensingList,
  entity: LedgeredTable<T>,
  derive?: LicensingTable['derive'],
): LicensingTable => ({
  list,
  entity: entity as unknown as LedgeredTable,
  councilId: entity.table.councilId,
  derive,
});

/** The Licensing section's tables, each after the tables its records refer to: the order of import. */
export const LICENSING_TABLES: readonly LicensingTable[] = [
  table('holders', holderEntity),
  table('licences', licenceEntity),
  table('checks', licensingCheckEntity),
  table('gateAttempts', gateAttemptEntity),
  table('reviewCases', reviewCaseEntity),
  table('reviewHearings', reviewHearingEntity),
  table('reviewDecisions', reviewDecisionEntity),
  table('registerEntries', registerEntryEntity, (r) =>
    registerKeys(r.name as string, r.licenceNumber as string),
  ),
  table('vehicleChecks', vehicleCheckEntity),
  table('registerSearches', registerSearchEntity, (r) => ({ searchedAt: new Date(r.searchedAt as string) })),
];
