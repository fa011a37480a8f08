import { createHash } from 'node:crypto';
import { users } from '#src/auth/schema.ts';
import type { LedgeredTable } from '#src/ledger/records.ts';
import { councils, people } from '#src/modules/councils/schema.ts';

export const councilEntity: LedgeredTable<typeof councils> = {
  entityType: 'council',
  table: councils,
  id: councils.id,
  councilOf: (row) => row.id,
};

export const personEntity: LedgeredTable<typeof people> = {
  entityType: 'person',
  table: people,
  id: people.id,
  councilOf: (row) => row.councilId,
};

export const userEntity: LedgeredTable<typeof users> = {
  entityType: 'user',
  table: users,
  id: users.id,
  councilOf: (row) => row.councilId,
  // The ledger is readable by auditors: it keeps a digest of the password hash, never the hash.
  state: ({ passwordHash, ...rest }) => ({
    ...rest,
    passwordHash: `sha256:${createHash('sha256').update(passwordHash).digest('hex')}`,
  }),
};

/** Every ledgered table, in the order verification checks them. */
export const LEDGERED_TABLES: readonly LedgeredTable[] = [
  councilEntity,
  personEntity,
  userEntity,
] as unknown as readonly LedgeredTable[];
