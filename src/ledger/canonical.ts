import * as crypto from 'node:crypto';
import canonicalize from 'canonicalize';

/** The chain's starting point: the hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one ledger entry says happened. */
export interface LedgerContent {
  councilId: string | null;
  actor: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** Marks a value the fast encoder leaves to the reference implementation. */
const UNUSUAL = Symbol('unusual');
/** Deeper than this, the reference implementation (with its cycle check) takes over. */
const MAX_DEPTH = 64;

const isWellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * A copy of a JSON value whose objects have their keys inserted in RFC 8785 order
 * (sorted by UTF-16 code units), so that `JSON.stringify` of it is the canonical
 * encoding. Returns UNUSUAL for anything whose canonical form `JSON.stringify`
 * would not give byte for byte: numbers that are not finite, lone surrogates,
 * keys JavaScript orders numerically, `toJSON`, class instances, undefined in
 * arrays, functions, very deep nesting (or a cycle).
 */
function sortedCopy(value: unknown, depth: number): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
      return isWellFormed(value) ? value : UNUSUAL;
    case 'number':
      return Number.isFinite(value) ? value : UNUSUAL;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return UNUSUAL;
  }
  if (depth > MAX_DEPTH) return UNUSUAL;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i], depth + 1);
      if (item === UNUSUAL) return UNUSUAL;
      out[i] = item;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  const object = value as Record<string, unknown>;
  if ((proto !== Object.prototype && proto !== null) || typeof object.toJSON === 'function') return UNUSUAL;
  const keys = Object.keys(object).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const first = key.charCodeAt(0);
    // Keys such as "10" are enumerated in numeric order whatever the insertion order.
    if ((first >= 48 && first <= 57) || key === '__proto__' || !isWellFormed(key)) return UNUSUAL;
    const item = object[key];
    if (item === undefined || typeof item === 'symbol') continue;
    const copy = sortedCopy(item, depth + 1);
    if (copy === UNUSUAL) return UNUSUAL;
    out[key] = copy;
  }
  return out;
}

/** RFC 8785 encoding of any JSON value: the fast path, or the reference implementation when unusual. */
function canonicalValue(value: unknown): string | undefined {
  const copy = sortedCopy(value, 0);
  return copy === UNUSUAL ? canonicalize(value) : JSON.stringify(copy);
}

/**
 * The canonical encoding of an entry (RFC 8785 JSON Canonicalization Scheme), so
 * the same content always hashes to the same bytes whatever produced it.
 */
export function canonicalEncoding(content: LedgerContent): string {
  const entry = {
    councilId: content.councilId,
    actor: content.actor,
    at: content.at,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    reason: content.reason,
    before: content.before ?? null,
    after: content.after ?? null,
  };
  // The keys of an entry, in canonical order; each value is checked as any other.
  const fields = [
    sortedCopy(entry.action, 1),
    sortedCopy(entry.actor, 1),
    sortedCopy(entry.after, 1),
    sortedCopy(entry.at, 1),
    sortedCopy(entry.before, 1),
    sortedCopy(entry.councilId, 1),
    sortedCopy(entry.entityId, 1),
    sortedCopy(entry.entityType, 1),
    sortedCopy(entry.reason, 1),
  ];
  const encoded = fields.includes(UNUSUAL)
    ? canonicalize(entry)
    : JSON.stringify({
        action: fields[0],
        actor: fields[1],
        after: fields[2],
        at: fields[3],
        before: fields[4],
        councilId: fields[5],
        entityId: fields[6],
        entityType: fields[7],
        reason: fields[8],
      });
  if (encoded === undefined) throw new Error('ledger content cannot be encoded');
  return encoded;
}

// `crypto.hash` (Node 20.12 and later) hashes in one call, much faster than a Hash object.
const oneShot = typeof crypto.hash === 'function';

function sha256Hex(data: string | Buffer): string {
  return oneShot
    ? crypto.hash('sha256', data, 'hex')
    : crypto.createHash('sha256').update(data).digest('hex');
}

let link = Buffer.alloc(4096);

/**
 * An entry's hash: SHA-256 over the 32 bytes of the previous hash followed by the
 * UTF-8 bytes of the entry's body, in hex. One hash per entry, computed in one call
 * over a reused buffer: the verifier's loop runs it a million times.
 */
export function entryHash(prevHash: string, body: string | Buffer): string {
  const length = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (link.length < 32 + length) link = Buffer.alloc(2 * (32 + length));
  if (prevHash.length !== 64 || link.write(prevHash, 0, 'hex') !== 32)
    throw new Error('a ledger hash is 64 hexadecimal characters');
  if (typeof body === 'string') link.write(body, 32, 'utf8');
  else body.copy(link, 32);
  return sha256Hex(link.subarray(0, 32 + length));
}

/**
 * The JSON state of a record as the ledger keeps it: dates as ISO strings, no
 * undefined values. The same function serves writing and verification.
 */
export function ledgerState(row: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

/** Whether two JSON states are the same, key order aside. */
export function sameState(a: unknown, b: unknown): boolean {
  return canonicalValue(a ?? null) === canonicalValue(b ?? null);
}
