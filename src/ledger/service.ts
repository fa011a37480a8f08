import fs from 'node:fs';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Config } from '#src/config/index.ts';
import type { Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import type { LedgerContent } from './canonical.ts';
import { latestCheckpoint, loadVerifyingKey, publicKeyFileFor } from './checkpoint.ts';
import { ledgerEntries } from './schema.ts';
import { type VerificationReport, verifyLedger } from './verify.ts';

/** A ledger entry as people read it: its number and hash, and what its body says. */
export interface ReadableEntry extends LedgerContent {
  seq: number;
  hash: string;
}

/** A page of a council's ledger entries, newest first, before a sequence number when given. */
export async function councilLedgerPage(
  tx: Tx,
  councilId: string,
  options: { before?: number; limit: number },
): Promise<ReadableEntry[]> {
  const where = options.before
    ? and(eq(ledgerEntries.councilId, councilId), lt(ledgerEntries.seq, options.before))
    : eq(ledgerEntries.councilId, councilId);
  const rows = await tx
    .select({ seq: ledgerEntries.seq, hash: ledgerEntries.hash, body: ledgerEntries.body })
    .from(ledgerEntries)
    .where(where)
    .orderBy(desc(ledgerEntries.seq))
    .limit(options.limit);
  return rows.map(({ seq, hash, body }) => ({ ...(JSON.parse(body) as LedgerContent), seq, hash }));
}

/**
 * Verifies the whole ledger against the latest checkpoint in the configured file,
 * checked with the public key beside the signing key.
 */
export function verifyDeployment(
  tx: Tx,
  config: Pick<Config, 'checkpointFile' | 'ledgerKeyFile'>,
  options: { checkpointFile?: string; publicKeyFile?: string } = {},
): Promise<VerificationReport> {
  const checkpoint = latestCheckpoint(options.checkpointFile ?? config.checkpointFile);
  const keyFile =
    options.publicKeyFile ??
    [publicKeyFileFor(config.ledgerKeyFile), config.ledgerKeyFile].find((f) => fs.existsSync(f));
  return verifyLedger(tx, {
    tables: LEDGERED_TABLES,
    checkpoint,
    publicKey: checkpoint && keyFile ? loadVerifyingKey(keyFile) : undefined,
  });
}
