import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '#src/config/index.ts';
import type { Tx } from '#src/db/client.ts';
import { writeCheckpointIfChanged } from './checkpoint.ts';

/**
 * Writes a signed checkpoint whenever the ledger has grown, every few seconds, and
 * once more when stopped. Entries newer than the last checkpoint are the only ones
 * whose removal could go unseen, so the interval bounds that window.
 */
export function startCheckpointer(
  db: Tx,
  config: Pick<Config, 'ledgerKeyFile' | 'checkpointFile'>,
  log: Pick<FastifyBaseLogger, 'error'>,
  everyMs = 5_000,
): { stop(): Promise<void> } {
  const options = { keyFile: config.ledgerKeyFile, checkpointFile: config.checkpointFile };
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => writeCheckpointIfChanged(db, options))
      .catch((err) => log.error({ err }, 'checkpoint failed'));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}
