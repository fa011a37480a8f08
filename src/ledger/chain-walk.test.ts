import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryHash, GENESIS_HASH } from './canonical.ts';
import { ChainWalk, walkPackedPage } from './chain-walk.ts';

interface Entry {
  seq: number;
  prevHash: string;
  hash: string;
  body: string;
}

/** A well-formed chain of `n` entries with bodies of every kind of character. */
function chain(n: number): Entry[] {
  const entries: Entry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = JSON.stringify({ n: seq, name: `Entry ${seq} — Dóra’s “note” 🚕`, tab: '\t' });
    const hash = entryHash(prev, body);
    entries.push({ seq, prevHash: prev, hash, body });
    prev = hash;
  }
  return entries;
}

/** The entries packed as the database packs a page. */
function pack(entries: Entry[]): Buffer {
  return Buffer.concat(
    entries.map((e) =>
      Buffer.concat([
        Buffer.from(
          `${e.seq} ${Buffer.byteLength(e.prevHash)} ${Buffer.byteLength(e.hash)} ${Buffer.byteLength(e.body)} `,
        ),
        Buffer.from(e.prevHash + e.hash + e.body, 'utf8'),
      ]),
    ),
  );
}

describe('ChainWalk', () => {
  it('accepts a chain entry by entry and keeps the hash at the position a checkpoint asks for', () => {
    const entries = chain(5);
    const walk = new ChainWalk(3);
    for (const e of entries) assert.equal(walk.entry(e.seq, e.prevHash, e.hash, e.body), true);
    assert.deepEqual(walk.state(), {
      entries: 5,
      lastHash: entries[4]?.hash,
      hashAtWanted: entries[2]?.hash,
      problem: undefined,
    });
  });

  it('names an entry whose body changed, and accepts nothing after it', () => {
    const [a, b, c] = chain(3) as [Entry, Entry, Entry];
    const walk = new ChainWalk();
    assert.equal(walk.entry(a.seq, a.prevHash, a.hash, a.body), true);
    assert.equal(walk.entry(b.seq, b.prevHash, b.hash, b.body.replace('Entry', 'Entri')), false);
    assert.equal(walk.entry(c.seq, c.prevHash, c.hash, c.body), false);
    assert.deepEqual(walk.state().problem, {
      seq: 2,
      message: 'Ledger entry 2: its content does not match its hash: the entry was altered',
    });
    assert.equal(walk.state().entries, 1);
  });

  it('names a broken link, a gap in the numbering and a hash that is not 64 hexadecimal digits', () => {
    const [a, b] = chain(2) as [
      { seq: number; prevHash: string; hash: string; body: string },
      { seq: number; prevHash: string; hash: string; body: string },
    ];
    const link = new ChainWalk();
    link.entry(1, a.prevHash, a.hash, a.body);
    link.entry(2, 'f'.repeat(64), b.hash, b.body);
    assert.match(
      link.state().problem?.message ?? '',
      /^Ledger entry 2: its link to the previous entry does not match/,
    );
    const gap = new ChainWalk();
    gap.entry(1, a.prevHash, a.hash, a.body);
    gap.entry(3, b.prevHash, b.hash, b.body);
    assert.equal(
      gap.state().problem?.message,
      'Ledger entry 3: expected entry 2 next, found 3: entries are missing',
    );
    const upper = new ChainWalk();
    upper.entry(1, a.prevHash, a.hash.toUpperCase(), a.body);
    assert.match(upper.state().problem?.message ?? '', /its content does not match its hash/);
  });
});

describe('walkPackedPage', () => {
  it('splits a page by the lengths the database wrote, bodies of many-byte characters included', () => {
    const entries = chain(50);
    const walk = new ChainWalk();
    assert.equal(walkPackedPage(walk, pack(entries.slice(0, 20))), true);
    assert.equal(walkPackedPage(walk, pack(entries.slice(20))), true);
    assert.equal(walk.state().entries, 50);
    assert.equal(walk.state().lastHash, entries[49]?.hash);
  });

  it('names an altered entry even when the alteration changed the field lengths', () => {
    const entries = chain(4);
    const tampered = entries.map((e) =>
      e.seq === 3 ? { ...e, prevHash: `${e.prevHash}00`, body: `${e.body}\n` } : e,
    );
    const walk = new ChainWalk();
    assert.equal(walkPackedPage(walk, pack(tampered)), false);
    assert.equal(walk.state().problem?.seq, 3);
    assert.equal(walk.state().entries, 2);
  });

  it('refuses a page that is not in the packed form', () => {
    assert.throws(() => walkPackedPage(new ChainWalk(), Buffer.from('1 64 x')), /malformed/);
    assert.throws(() => walkPackedPage(new ChainWalk(), Buffer.from('1 64 64 900 abc')), /malformed/);
  });
});
