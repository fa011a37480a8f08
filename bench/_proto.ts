import { freshPglite, freshPostgres } from './databases.ts';
import { fillLedger } from './ledger-fill.ts';
import { verifyChain } from '#src/ledger/verify.ts';
const n = Number(process.env.N ?? 100000);
const which = process.argv[2];
const b = which === 'pg' ? await freshPostgres('postgres://postgres@127.0.0.1:5432/postgres') : await freshPglite();
try {
  const fill = await fillLedger(b.database.db, n, '04964af8-728f-5ef2-8f9d-195979148879');
  console.log(b.label, 'fill', n, (fill / 1000).toFixed(1), 's', Math.round(n / fill * 1000), '/s');
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = await b.database.db.transaction((tx) => verifyChain(tx, undefined));
    const ms = performance.now() - t;
    console.log('verify', r.entries, r.problem, (ms / 1000).toFixed(2), 's', Math.round(r.entries / ms * 1000), '/s');
  }
} finally { await b.dispose(); }
