import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalEncoding,
  chainHash,
  contentDigest,
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
    const base = contentDigest(content);
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
    for (const v of variants) assert.notEqual(contentDigest({ ...content, ...v }), base, JSON.stringify(v));
  });
});

describe('ledger hashes', () => {
  it('digests content as SHA-256 of its canonical encoding, in hex', () => {
    assert.equal(contentDigest(content), sha256(canonicalEncoding(content)));
    assert.match(contentDigest(content), /^[0-9a-f]{64}$/);
  });

  it('chains an entry as SHA-256 over the bytes of the previous hash and the digest', () => {
    const digest = contentDigest(content);
    const expected = sha256(Buffer.concat([Buffer.from(GENESIS_HASH, 'hex'), Buffer.from(digest, 'hex')]));
    assert.equal(chainHash(GENESIS_HASH, digest), expected);
    assert.notEqual(
      chainHash(expected, digest),
      expected,
      'the same content later in the chain hashes differently',
    );
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
