import fs from 'node:fs';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Config } from '#src/config/index.ts';
import type { Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import { latestCheckpoint, loadVerifyingKey, publicKeyFileFor } from './checkpoint.ts';
import { type LedgerEntry, ledgerEntries } from './schema.ts';
import { type VerificationReport, verifyLedger } from './verify.ts';

/** A page of a council's ledger entries, newest first, before a sequence number when given. */
export function councilLedgerPage(
  tx: Tx,
  councilId: string,
  options: { before?: number; limit: number },
): Promise<LedgerEntry[]> {
  const where = options.before
    ? and(eq(ledgerEntries.councilId, councilId), lt(ledgerEntries.seq, options.before))
    : eq(ledgerEntries.councilId, councilId);
  return tx.select().from(ledgerEntries).where(where).orderBy(desc(ledgerEntries.seq)).limit(options.limit);
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
