import type { ChainWalk } from './chain-walk.ts';

/** PostgreSQL's binary COPY signature: the first 11 bytes of the stream. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Reads the output of `COPY (SELECT seq, prev_hash, hash, body …) TO STDOUT (FORMAT
 * binary)` as it arrives, chunk by chunk, and feeds each entry to the walk: its
 * body as the bytes the server sent, never decoded. Binary COPY frames every field
 * with its length, so nothing needs unescaping and no row objects are made.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4
 */
export class CopyBinaryEntries {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private ended = false;

  constructor(private readonly walk: ChainWalk) {}

  /** Takes the next chunk of the stream; false once the walk has found a problem. */
  push(chunk: Buffer): boolean {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let at = 0;
    if (!this.headerRead) {
      if (data.length < 19) {
        this.pending = data;
        return true;
      }
      if (!data.subarray(0, 11).equals(SIGNATURE))
        throw new Error('the ledger copy is not in binary COPY format');
      at = 19 + data.readUInt32BE(15);
      this.headerRead = true;
    }
    while (!this.ended && !this.walk.failed) {
      const next = this.tuple(data, at);
      if (next === undefined) break;
      at = next;
    }
    this.pending = data.subarray(at);
    return !this.walk.failed;
  }

  /** Whether the stream's trailer has been read: every entry was seen. */
  get complete(): boolean {
    return this.ended;
  }

  /** Reads one tuple at `at` and gives the place after it, or undefined when it is not all here yet. */
  private tuple(data: Buffer, at: number): number | undefined {
    if (at + 2 > data.length) return undefined;
    const fields = data.readInt16BE(at);
    if (fields === -1) {
      this.ended = true;
      return at + 2;
    }
    if (fields !== 4) throw new Error(`a ledger row has ${fields} fields, not 4`);
    const ends: number[] = [];
    let p = at + 2;
    for (let f = 0; f < 4; f++) {
      if (p + 4 > data.length) return undefined;
      const length = data.readInt32BE(p);
      // A NULL field (length -1) is read as empty: it then fails verification where it is.
      p += 4 + Math.max(length, 0);
      if (p > data.length) return undefined;
      ends.push(p);
    }
    const [seqEnd, prevEnd, hashEnd, bodyEnd] = ends as [number, number, number, number];
    const seqStart = at + 6;
    if (seqEnd - seqStart !== 8) throw new Error('a ledger row has no 8-byte entry number');
    const seq = data.readInt32BE(seqStart) * 2 ** 32 + data.readUInt32BE(seqStart + 4);
    const prevHash = data.toString('latin1', seqEnd + 4, prevEnd);
    const hash = data.toString('latin1', prevEnd + 4, hashEnd);
    this.walk.entry(seq, prevHash, hash, data.subarray(hashEnd + 4, bodyEnd));
    return bodyEnd;
  }
}
