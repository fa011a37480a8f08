// The worker thread that hashes PGlite's ledger pages (chain-read.ts) while the
// main thread, where PGlite runs, reads the next page.
import { parentPort, workerData } from 'node:worker_threads';
import { ChainWalk, walkPackedPage } from './chain-walk.ts';

const walk = new ChainWalk(workerData?.wantHashAt as number | undefined);

parentPort?.on('message', (page: ArrayBuffer) => {
  let error: string | undefined;
  try {
    walkPackedPage(walk, Buffer.from(page));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  parentPort?.postMessage({ state: walk.state(), error });
});
