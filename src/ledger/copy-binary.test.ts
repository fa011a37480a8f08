import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryHash, GENESIS_HASH } from './canonical.ts';
import { ChainWalk } from './chain-walk.ts';
import { CopyBinaryEntries } from './copy-binary.ts';

/** A field of a binary COPY tuple: its length, then its bytes (null: length -1). */
function field(bytes: Buffer | null): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes === null ? -1 : bytes.length);
  return bytes === null ? length : Buffer.concat([length, bytes]);
}

function int8(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
}

/** A binary COPY stream of ledger rows (seq, prev_hash, hash, body), as PostgreSQL writes one. */
function copyStream(rows: [number, string | null, string, string][]): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const tuples = rows.map(([seq, prev, hash, body]) => {
    const count = Buffer.alloc(2);
    count.writeInt16BE(4);
    return Buffer.concat([
      count,
      field(int8(seq)),
      field(prev === null ? null : Buffer.from(prev)),
      field(Buffer.from(hash)),
      field(Buffer.from(body, 'utf8')),
    ]);
  });
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  return Buffer.concat([header, ...tuples, trailer]);
}

function rows(n: number): [number, string, string, string][] {
  const out: [number, string, string, string][] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = JSON.stringify({ seq, text: `ünïcödé ${'x'.repeat(seq * 7)}` });
    const hash = entryHash(prev, body);
    out.push([seq, prev, hash, body]);
    prev = hash;
  }
  return out;
}

/** Feeds the stream in chunks of `size` bytes, as a socket might deliver it. */
function feed(stream: Buffer, size: number, walk: ChainWalk): CopyBinaryEntries {
  const reader = new CopyBinaryEntries(walk);
  for (let at = 0; at < stream.length; at += size) reader.push(stream.subarray(at, at + size));
  return reader;
}

describe('CopyBinaryEntries', () => {
  it('reads every entry however the stream is cut into chunks, and sees its end', () => {
    const stream = copyStream(rows(40));
    for (const size of [1, 3, 17, 64, 1000, stream.length]) {
      const walk = new ChainWalk();
      const reader = feed(stream, size, walk);
      assert.equal(walk.state().entries, 40, `chunks of ${size}`);
      assert.equal(walk.state().problem, undefined);
      assert.equal(reader.complete, true);
    }
  });

  it('stops at an altered entry and names it', () => {
    const tampered = rows(10);
    const row = tampered[6] as [number, string, string, string];
    row[3] = row[3].replace('ü', 'u');
    const walk = new ChainWalk();
    const reader = feed(copyStream(tampered), 50, walk);
    assert.deepEqual(walk.state().problem, {
      seq: 7,
      message: 'Ledger entry 7: its content does not match its hash: the entry was altered',
    });
    assert.equal(reader.complete, false);
  });

  it('reads a NULL field as empty, which then fails where it is', () => {
    const tampered: [number, string | null, string, string][] = rows(3);
    (tampered[1] as [number, string | null, string, string])[1] = null;
    const walk = new ChainWalk();
    feed(copyStream(tampered), 8, walk);
    assert.match(
      walk.state().problem?.message ?? '',
      /^Ledger entry 2: its link to the previous entry does not match/,
    );
  });

  it('refuses a stream that is not binary COPY', () => {
    assert.throws(
      () => new CopyBinaryEntries(new ChainWalk()).push(Buffer.from('1\tabc\n'.repeat(10))),
      /binary COPY/,
    );
  });

  it('tells an incomplete stream from a complete one', () => {
    const stream = copyStream(rows(5));
    const walk = new ChainWalk();
    const reader = feed(stream.subarray(0, stream.length - 2), 100, walk);
    assert.equal(walk.state().entries, 5);
    assert.equal(reader.complete, false);
  });
});
