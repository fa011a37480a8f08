import { freshPglite, freshPostgres } from './databases.ts';
import { fillLedger } from './ledger-fill.ts';
import { verifyChain } from '#src/ledger/verify.ts';
const n = Number(process.env.N ?? 200000);
const b = process.argv[2] === 'pg' ? await freshPostgres('postgres://postgres@127.0.0.1:5432/postgres') : await freshPglite();
try {
  const fill = await fillLedger(b.database.db, n, '04964af8-728f-5ef2-8f9d-195979148879');
  console.log(b.label, 'fill', (fill / 1000).toFixed(1), 's', Math.round(n / fill * 1000), '/s');
  const { Session } = await import('node:inspector/promises');
  const session = new Session(); session.connect();
  for (let i = 0; i < 2; i++) {
    if (i === 1) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
    const t = performance.now();
    const r = await b.database.db.transaction((tx) => verifyChain(tx, undefined));
    const ms = performance.now() - t;
    console.log('verify', r.entries, (ms / 1000).toFixed(2), 's', Math.round(r.entries / ms * 1000), '/s');
  }
  const { profile } = await session.post('Profiler.stop');
  const self: Record<string, number> = {}; const cnt: Record<number, number> = {};
  profile.samples!.forEach((s, i) => { cnt[s] = (cnt[s] ?? 0) + (profile.timeDeltas![i] ?? 0); });
  for (const node of profile.nodes) { const k = `${node.callFrame.functionName} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber}`; self[k] = (self[k] ?? 0) + (cnt[node.id] ?? 0); }
  Object.entries(self).sort((a, c) => c[1] - a[1]).slice(0, 14).forEach(([k, v]) => console.log(String(Math.round(v / 1000)).padStart(6), k));
} finally { await b.dispose(); }
