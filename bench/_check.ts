import canonicalize from 'canonicalize';
import { canonicalEncoding, chainHash, chainHashOfBytes, contentDigest, contentDigestBytes, sameState } from '#src/ledger/canonical.ts';
function ref(c: any) { return canonicalize({ councilId: c.councilId, actor: c.actor, at: c.at, action: c.action, entityType: c.entityType, entityId: c.entityId, reason: c.reason, before: c.before ?? null, after: c.after ?? null }); }
const strs = ['', 'a', 'é', '\u2028', '"\\', '\n\t\u0001', '😀', 'z', 'A', 'ab', 'aB', '\uD800', '\uDC00x', 'ü', '\u00e9', 'e\u0301', '10', '2', '__proto__', '1a', 'toJSON'];
function rnd<T>(a: T[]): T { return a[Math.floor(Math.random() * a.length)] as T; }
function val(d: number): unknown {
  const r = Math.random();
  if (d > 3 || r < 0.3) return rnd<unknown>([null, true, false, 0, -0, 1.5, 1e21, 1e-7, -123456789.125, 2 ** 53, 0.1 + 0.2, ...strs, NaN, Infinity, undefined]);
  if (r < 0.5) return Array.from({ length: Math.floor(Math.random() * 4) }, () => val(d + 1));
  const o: any = {};
  for (let i = 0; i < Math.floor(Math.random() * 5); i++) { const k = rnd(strs); if (k === '__proto__') Object.defineProperty(o, k, { value: val(d + 1), enumerable: true, configurable: true, writable: true }); else o[k] = val(d + 1); }
  if (Math.random() < 0.05) o.when = new Date(0);
  return o;
}
function outcome(f: () => unknown) { try { return 'ok:' + String(f()); } catch (e) { return 'err:' + (e as Error).message; } }
let n = 0, fast = 0;
for (let i = 0; i < 200000; i++) {
  const c: any = { councilId: rnd([null, 'x', undefined, 'c']), actor: rnd(strs), at: '2015', action: rnd(['create', 5, '\uD800']), entityType: 't', entityId: rnd(strs), reason: rnd([null, 'r', undefined]), before: val(0), after: JSON.parse(JSON.stringify(val(0)) ?? 'null') };
  const a = outcome(() => canonicalEncoding(c)); const b = outcome(() => ref(c));
  if (a !== b) { console.log('DIFF', a, b, c); process.exit(1); }
  const x = val(0), y = Math.random() < 0.5 ? x : val(0);
  const s1 = outcome(() => sameState(x, y)); const s2 = outcome(() => canonicalize(x ?? null) === canonicalize(y ?? null));
  if (s1 !== s2) { console.log('DIFF sameState', s1, s2, x, y); process.exit(1); }
  if (a.startsWith('ok')) { n++; const d = contentDigest(c); if (d !== contentDigestBytes(c).toString('hex')) throw new Error('bytes'); const p = rnd(['0'.repeat(64), d, 'zz', 'abc', d + 'ff']); if (chainHash(p, d) !== chainHashOfBytes(p, contentDigestBytes(c))) throw new Error('chain ' + p); }
}
// circular
const circ: any = { a: 1 }; circ.self = circ;
console.log(outcome(() => canonicalEncoding({ councilId: null, actor: 'a', at: 'b', action: 'c', entityType: 'd', entityId: 'e', reason: null, before: circ, after: null })));
const deep: any = []; let cur = deep; for (let i = 0; i < 100; i++) { const nx: any = []; cur.push(nx); cur = nx; }
console.log(canonicalEncoding({ councilId: null, actor: 'a', at: 'b', action: 'c', entityType: 'd', entityId: 'e', reason: null, before: deep, after: null }).length);
console.log('checked', n, 'encodable of 200000; all identical');
