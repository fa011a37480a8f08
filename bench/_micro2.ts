import { canonicalEncoding, contentDigestBytes, chainHashOfBytes } from '#src/ledger/canonical.ts';
import { hash } from 'node:crypto';
const N = 100000;
const page = JSON.stringify(Array.from({ length: N }, (_, n) => [n + 1, '04964af8-728f-5ef2-8f9d-195979148879', 'freshstart:bench', new Date().toISOString(), 'import', 'bench-person', crypto.randomUUID(), null, null, { id: crypto.randomUUID(), kind: 'officer', name: `Bench Person ${n}`, party: null, source: 'Synthetic entry written by npm run bench', toDate: null, fromDate: '2015-02-26', councilId: '04964af8-728f-5ef2-8f9d-195979148879', publicRole: `Member for Ward ${n % 97}`, withdrawnAt: null, withdrawnReason: null }, 'a'.repeat(64), 'b'.repeat(64)]));
function time(label: string, f: () => void) { const t = performance.now(); f(); console.log(label.padEnd(12), ((performance.now() - t) / N * 1000).toFixed(2), 'µs'); }
for (let k = 0; k < 3; k++) {
  let rows: any[] = [];
  time('parse', () => { rows = JSON.parse(page); });
  const cs = rows.map((row) => ({ councilId: row[1], actor: row[2], at: row[3], action: row[4], entityType: row[5], entityId: row[6], reason: row[7], before: row[8], after: row[9] }));
  let encs: string[] = [];
  time('canonical', () => { encs = cs.map(canonicalEncoding); });
  time('sha content', () => { for (const e of encs) hash('sha256', e, 'buffer'); });
  time('digestBytes', () => { for (const c of cs) contentDigestBytes(c); });
  const ds = cs.map(contentDigestBytes);
  time('chain', () => { let p = '0'.repeat(64); for (const d of ds) p = chainHashOfBytes(p, d); });
}
