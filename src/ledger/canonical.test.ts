import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalEncoding,
  entryHash,
  GENESIS_HASH,
  type LedgerContent,
  ledgerState,
  sameState,
} from './canonical.ts';

const content: LedgerContent = {
  councilId: '04964af8-728f-5ef2-8f9d-195979148879',
  actor: 'user:1',
  at: '2015-02-26T09:00:00.000Z',
  action: 'create',
  entityType: 'person',
  entityId: 'a59c37f3-b646-513f-93a2-d38f869e8c95',
  reason: null,
  before: null,
  after: { name: 'Sir Derek Myers', kind: 'commissioner' },
};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('canonical encoding of ledger content', () => {
  it('writes keys in sorted order with no whitespace, whatever order the object was built in', () => {
    assert.equal(
      canonicalEncoding(content),
      '{"action":"create","actor":"user:1","after":{"kind":"commissioner","name":"Sir Derek Myers"},"at":"2015-02-26T09:00:00.000Z","before":null,"councilId":"04964af8-728f-5ef2-8f9d-195979148879","entityId":"a59c37f3-b646-513f-93a2-d38f869e8c95","entityType":"person","reason":null}',
    );
    const reordered = { ...content, after: { kind: 'commissioner', name: 'Sir Derek Myers' } };
    assert.equal(canonicalEncoding(reordered), canonicalEncoding(content));
  });

  it('encodes missing before and after states as null', () => {
    const missing = { ...content, before: undefined, after: undefined };
    assert.equal(canonicalEncoding(missing), canonicalEncoding({ ...content, before: null, after: null }));
  });

  it('leaves out fields that are not part of the content', () => {
    const extra = { ...content, seq: 7, hash: 'ab' } as LedgerContent;
    assert.equal(canonicalEncoding(extra), canonicalEncoding(content));
  });

  it('changes when any field of the content changes', () => {
    const base = canonicalEncoding(content);
    const variants: Partial<LedgerContent>[] = [
      { councilId: null },
      { actor: 'user:2' },
      { at: '2015-02-26T09:00:00.001Z' },
      { action: 'update' },
      { entityType: 'council' },
      { entityId: 'x' },
      { reason: 'because' },
      { before: {} },
      { after: { name: 'Sir Derek Myers', kind: 'officer' } },
    ];
    for (const v of variants)
      assert.notEqual(canonicalEncoding({ ...content, ...v }), base, JSON.stringify(v));
  });
});

describe('ledger hashes', () => {
  it('hashes an entry as SHA-256 over the bytes of the previous hash and the UTF-8 bytes of its body', () => {
    const body = canonicalEncoding({ ...content, after: { name: 'Zoë — café' } });
    const expected = sha256(Buffer.concat([Buffer.from(GENESIS_HASH, 'hex'), Buffer.from(body, 'utf8')]));
    assert.equal(entryHash(GENESIS_HASH, body), expected);
    assert.equal(
      entryHash(GENESIS_HASH, Buffer.from(body, 'utf8')),
      expected,
      'a body given as bytes hashes the same',
    );
    assert.match(expected, /^[0-9a-f]{64}$/);
    assert.notEqual(
      entryHash(expected, body),
      expected,
      'the same content later in the chain hashes differently',
    );
  });

  it('hashes bodies longer than its working buffer', () => {
    const body = canonicalEncoding({ ...content, after: { text: 'x'.repeat(10_000) } });
    const expected = sha256(Buffer.concat([Buffer.from(GENESIS_HASH, 'hex'), Buffer.from(body, 'utf8')]));
    assert.equal(entryHash(GENESIS_HASH, body), expected);
    assert.equal(
      entryHash(GENESIS_HASH, 'short'),
      sha256(Buffer.concat([Buffer.alloc(32), Buffer.from('short')])),
    );
  });

  it('refuses a previous hash that is not 64 hexadecimal characters', () => {
    assert.throws(() => entryHash('abc', 'body'), /64 hexadecimal/);
    assert.throws(() => entryHash('z'.repeat(64), 'body'), /64 hexadecimal/);
  });

  it('starts the chain from 64 zeros', () => {
    assert.equal(GENESIS_HASH, '0'.repeat(64));
  });
});

describe('ledger states', () => {
  it('keeps dates as ISO strings and drops undefined values', () => {
    const state = ledgerState({ at: new Date('2015-02-26T09:00:00Z'), gone: undefined, none: null, n: 1 });
    assert.deepEqual(state, { at: '2015-02-26T09:00:00.000Z', none: null, n: 1 });
  });

  it('treats states as the same whatever their key order, and null as the same as undefined', () => {
    assert.ok(sameState({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }));
    assert.ok(sameState(null, undefined));
    assert.ok(!sameState({ a: 1 }, { a: '1' }));
    assert.ok(!sameState({ a: [1, 2] }, { a: [2, 1] }));
    assert.ok(!sameState({ a: null }, {}));
  });
});
