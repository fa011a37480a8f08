import { Worker } from 'node:worker_threads';
import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { queryRows, type Tx } from '#src/db/client.ts';
import { ChainWalk, type WalkState, walkPackedPage } from './chain-walk.ts';
import { CopyBinaryEntries } from './copy-binary.ts';

/** Entries in one page read from PGlite. */
const PAGE = 5_000;

/** From how many entries PGlite's pages are hashed on a worker thread: below it, starting one costs more than it saves. */
export const WORKER_FROM = 50_000;

/**
 * Walks the whole chain, in order, and returns where the walk got to: the
 * number of entries that verified, and the first that did not. On a server the
 * entries arrive as one binary COPY stream, hashed here while the server sends
 * the rest. PGlite runs on this thread, so its pages are hashed on a worker
 * thread while this one reads the next (for chains of WORKER_FROM entries and
 * more; `useWorker` forces the choice).
 */
export async function walkChain(
  tx: Tx,
  wantHashAt: number | undefined,
  options: { useWorker?: boolean } = {},
): Promise<WalkState> {
  if (!is(tx._.session, PgliteSession)) return walkServerChain(tx, wantHashAt);
  const useWorker = options.useWorker ?? (await lastSeq(tx)) >= WORKER_FROM;
  return useWorker ? walkPagesOnWorker(tx, wantHashAt) : walkPagesHere(tx, wantHashAt);
}

async function lastSeq(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ seq: number | string }>(
    tx,
    sql`SELECT seq FROM ledger_entries ORDER BY seq DESC LIMIT 1`,
  );
  return row ? Number(row.seq) : 0;
}

/** The connection under a node-postgres Drizzle database or transaction, and how to give it back. */
async function serverConnection(tx: Tx): Promise<{ client: pg.ClientBase; release: () => void }> {
  const client = (tx._.session as unknown as { client: pg.Pool | pg.PoolClient | pg.Client }).client;
  if (client instanceof pg.Pool) {
    const connection = await client.connect();
    return { client: connection, release: () => connection.release() };
  }
  return { client, release: () => {} };
}

async function walkServerChain(tx: Tx, wantHashAt: number | undefined): Promise<WalkState> {
  const walk = new ChainWalk(wantHashAt);
  const entries = new CopyBinaryEntries(walk);
  const { client, release } = await serverConnection(tx);
  try {
    const stream = client.query(
      copyTo(
        'COPY (SELECT seq, prev_hash, hash, body FROM ledger_entries ORDER BY seq) TO STDOUT (FORMAT binary)',
      ),
    );
    // After a problem the rest is still read, so the connection is left ready for its next statement.
    for await (const chunk of stream) if (!walk.failed) entries.push(chunk as Buffer);
    if (!walk.failed && !entries.complete) throw new Error('the ledger copy ended early');
  } finally {
    release();
  }
  return walk.state();
}

/**
 * A packed page (chain-walk.ts, walkPackedPage) of the entries after `afterSeq`,
 * encoded once to the UTF-8 bytes each body is hashed as, in a buffer of its own
 * (so it can be handed to a worker), with the number of its last entry; the page
 * is empty after the last entry.
 */
async function packedPage(tx: Tx, afterSeq: number): Promise<{ page: Buffer; last: number }> {
  const [row] = await queryRows<{ page: string | null; last: number | string | null }>(
    tx,
    sql`
    SELECT string_agg(seq || ' ' || octet_length(prev_hash) || ' ' || octet_length(hash) || ' '
                      || octet_length(body) || ' ' || prev_hash || hash || body, '' ORDER BY seq) AS page,
           max(seq) AS last
      FROM (SELECT seq, body, prev_hash, hash FROM ledger_entries WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}) AS page`,
  );
  if (!row?.page) return { page: Buffer.alloc(0), last: afterSeq };
  const page = Buffer.allocUnsafeSlow(Buffer.byteLength(row.page, 'utf8'));
  page.write(row.page, 'utf8');
  return { page, last: Number(row.last) };
}

async function walkPagesHere(tx: Tx, wantHashAt: number | undefined): Promise<WalkState> {
  const walk = new ChainWalk(wantHashAt);
  for (;;) {
    const { page } = await packedPage(tx, walk.lastSeq);
    if (page.length === 0 || !walkPackedPage(walk, page)) break;
  }
  return walk.state();
}

interface HasherReply {
  state: WalkState;
  error?: string;
}

/**
 * PGlite's pages hashed on a worker thread: this thread reads page k + 1 while
 * the worker hashes page k, at most two pages being in flight. The next page
 * starts after the last entry number the database read, so this thread needs
 * no answer from the worker to read on.
 */
async function walkPagesOnWorker(tx: Tx, wantHashAt: number | undefined): Promise<WalkState> {
  const worker = new Worker(new URL('./chain-hasher.js', import.meta.url), { workerData: { wantHashAt } });
  // The worker answers each page in turn; each answer settles the oldest promise waiting.
  const waiting: { resolve: (reply: HasherReply) => void; reject: (error: unknown) => void }[] = [];
  worker.on('message', (reply: HasherReply) => waiting.shift()?.resolve(reply));
  worker.on('error', (error) => {
    for (const w of waiting.splice(0)) w.reject(error);
  });
  const replies: Promise<HasherReply>[] = [];
  const nextReply = () => new Promise<HasherReply>((resolve, reject) => waiting.push({ resolve, reject }));
  try {
    let afterSeq = 0;
    let latest: HasherReply | undefined;
    for (;;) {
      const { page, last } = await packedPage(tx, afterSeq);
      if (page.length === 0) break;
      afterSeq = last;
      replies.push(nextReply());
      const bytes = page.buffer as ArrayBuffer; // allocUnsafeSlow: a buffer of its own, never shared
      worker.postMessage(bytes, [bytes]);
      if (replies.length >= 2) {
        latest = await (replies.shift() as Promise<HasherReply>);
        if (latest.error) throw new Error(latest.error);
        if (latest.state.problem) break;
      }
    }
    for (const reply of replies) {
      latest = await reply;
      if (latest.error) throw new Error(latest.error);
    }
    return latest?.state ?? new ChainWalk(wantHashAt).state();
  } finally {
    await worker.terminate();
  }
}
