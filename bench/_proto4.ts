import { sql } from 'drizzle-orm';
import { freshPglite, freshPostgres } from './databases.ts';
import { fillLedger } from './ledger-fill.ts';
import { queryRows } from '#src/db/client.ts';
const n = Number(process.env.N ?? 100000);
const b = process.argv[2] === 'pg' ? await freshPostgres('postgres://postgres@127.0.0.1:5432/postgres') : await freshPglite();
try {
  await fillLedger(b.database.db, n, '04964af8-728f-5ef2-8f9d-195979148879');
  const db = b.database.db;
  const P = Number(process.env.P ?? 10000);
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    for (let s = 0; s < n; s += P) await queryRows<any>(db, sql`SELECT seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash FROM ledger_entries WHERE seq > ${s} ORDER BY seq LIMIT ${P}`);
    const plain = performance.now() - t;
    t = performance.now();
    for (let s = 0; s < n; s += P) { const [r] = await queryRows<any>(db, sql`SELECT json_agg(json_build_array(seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash) ORDER BY seq)::text AS page FROM (SELECT * FROM ledger_entries WHERE seq > ${s} ORDER BY seq LIMIT ${P}) AS entries`); JSON.parse(r.page); }
    const agg = performance.now() - t;
    t = performance.now();
    for (let s = 0; s < n; s += P) { const [r] = await queryRows<any>(db, sql`SELECT string_agg(json_build_array(seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash)::text, ',' ORDER BY seq) AS page FROM (SELECT * FROM ledger_entries WHERE seq > ${s} ORDER BY seq LIMIT ${P}) AS entries`); JSON.parse('[' + r.page + ']'); }
    const sagg = performance.now() - t;
    t = performance.now();
    for (let s = 0; s < n; s += P) { await queryRows<any>(db, sql`SELECT json_build_array(seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash)::text AS r FROM ledger_entries WHERE seq > ${s} ORDER BY seq LIMIT ${P}`); }
    const perrow = performance.now() - t;
    console.log(b.label, 'plain', Math.round(plain), 'json_agg', Math.round(agg), 'string_agg', Math.round(sagg), 'row json text', Math.round(perrow));
  }
} finally { await b.dispose(); }
