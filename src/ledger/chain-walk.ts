import { entryHash, GENESIS_HASH } from './canonical.ts';

/** The first entry that does not verify, and why. */
export interface ChainProblem {
  seq: number;
  message: string;
}

/** Where a walk of the chain has got to: what a worker hands back to the thread that reads. */
export interface WalkState {
  entries: number;
  lastHash: string;
  hashAtWanted: string | undefined;
  problem: ChainProblem | undefined;
}

/**
 * Checks ledger entries one after another, in order: each must have the next
 * number, link to the hash of the one before, and have the hash its body gives.
 * It stops at the first entry that does not verify and keeps what it found.
 * Readers of every driver feed it (chain-read.ts), on this thread or a worker.
 *
 * @example const walk = new ChainWalk(); walk.entry(1, GENESIS_HASH, hash, body);
 */
export class ChainWalk {
  private expectedSeq = 1;
  private prev = GENESIS_HASH;
  private hashAtWanted: string | undefined;
  private problem: ChainProblem | undefined;

  /** `wantHashAt`: the position whose hash a checkpoint signed, to be kept on the way. */
  constructor(private readonly wantHashAt?: number) {}

  /** Checks the next entry; false once an entry has not verified (this one or an earlier). */
  entry(seq: number, prevHash: string, hash: string, body: Buffer | string): boolean {
    if (this.problem) return false;
    let wrong: string | undefined;
    if (seq !== this.expectedSeq)
      wrong = `expected entry ${this.expectedSeq} next, found ${seq}: entries are missing`;
    else if (prevHash !== this.prev)
      wrong = 'its link to the previous entry does not match: the chain was altered';
    else if (!isHash(hash) || entryHash(this.prev, body) !== hash)
      wrong = 'its content does not match its hash: the entry was altered';
    if (wrong !== undefined) {
      this.problem = { seq, message: `Ledger entry ${seq}: ${wrong}` };
      return false;
    }
    this.prev = hash;
    if (seq === this.wantHashAt) this.hashAtWanted = hash;
    this.expectedSeq += 1;
    return true;
  }

  /** The number of the last entry read, to read on after it. */
  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get failed(): boolean {
    return this.problem !== undefined;
  }

  state(): WalkState {
    return {
      entries: this.expectedSeq - 1,
      lastHash: this.prev,
      hashAtWanted: this.hashAtWanted,
      problem: this.problem,
    };
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const isHash = (hash: string) => hash.length === 64 && HEX64.test(hash);

/** A space, which ends each number of a packed page's entry. */
const SPACE = 32;

/**
 * Feeds a packed page to the walk. A page is its entries one after another, each
 * written by the database (chain-read.ts, PACKED_ENTRY) as
 * `seq len(prev_hash) len(hash) len(body) ` (numbers ending in a space, lengths
 * in UTF-8 bytes) followed by the three fields themselves, so that however a
 * tampered field reads, the page splits where the database says.
 * Returns false once an entry has not verified.
 */
export function walkPackedPage(walk: ChainWalk, page: Buffer): boolean {
  let at = 0;
  const number = () => {
    let n = 0;
    for (let c = page[at] as number; c !== SPACE; c = page[++at] as number) {
      if (c < 48 || c > 57) throw new Error('a packed ledger page is malformed');
      n = n * 10 + (c - 48);
    }
    at += 1;
    return n;
  };
  while (at < page.length) {
    const seq = number();
    const prevLength = number();
    const hashLength = number();
    const bodyLength = number();
    const prevHash = page.toString('latin1', at, at + prevLength);
    at += prevLength;
    const hash = page.toString('latin1', at, at + hashLength);
    at += hashLength;
    const body = page.subarray(at, at + bodyLength);
    at += bodyLength;
    if (at > page.length) throw new Error('a packed ledger page is malformed');
    if (!walk.entry(seq, prevHash, hash, body)) return false;
  }
  return true;
}
