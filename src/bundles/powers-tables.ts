import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  allocationEntity,
  appointmentEntity,
  decisionEntity,
  directionEntity,
  functionEntity,
  provisionEntity,
  representationEntity,
  restorationEntity,
  restorationFunctionEntity,
  restorationPauseEntity,
  restorationStepEntity,
} from '#src/db/ledgered.ts';
import type { LedgeredTable } from '#src/ledger/records.ts';
import type { PowersList } from './powers-schema.ts';

/** Where one list of the bundle's Powers section is kept. */
export interface PowersTable {
  list: PowersList;
  entity: LedgeredTable;
  councilId: PgColumn;
}

const table = <T extends PgTable & { councilId: PgColumn }>(
  list: PowersList,
  entity: LedgeredTable<T>,
): PowersTable => ({ list, entity: entity as unknown as LedgeredTable, councilId: entity.table.councilId });

/** The Powers section's tables, each after the tables its records refer to: the order of import. */
export const POWERS_TABLES: readonly PowersTable[] = [
  table('functions', functionEntity),
  table('directions', directionEntity),
  table('provisions', provisionEntity),
  table('commissionerAppointments', appointmentEntity),
  table('restorations', restorationEntity),
  table('allocations', allocationEntity),
  table('restorationFunctions', restorationFunctionEntity),
  table('restorationSteps', restorationStepEntity),
  table('restorationPauses', restorationPauseEntity),
  table('representations', representationEntity),
  table('decisions', decisionEntity),
];
