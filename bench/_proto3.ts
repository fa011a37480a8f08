import { sql } from 'drizzle-orm';
import { freshPglite, freshPostgres } from './databases.ts';
import { fillLedger } from './ledger-fill.ts';
import { queryRows } from '#src/db/client.ts';
import { contentDigestBytes, chainHashOfBytes } from '#src/ledger/canonical.ts';
const n = Number(process.env.N ?? 100000);
const b = process.argv[2] === 'pg' ? await freshPostgres('postgres://postgres@127.0.0.1:5432/postgres') : await freshPglite();
try {
  let t = performance.now();
  await fillLedger(b.database.db, n, '04964af8-728f-5ef2-8f9d-195979148879');
  console.log('fill', performance.now() - t);
  const db = b.database.db;
  for (const q of [
    `SELECT json_agg(json_build_array(seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash) ORDER BY seq)::text AS page FROM (SELECT * FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT 10000) AS entries`,
    `SELECT string_agg(before::text || after::text, ',') AS page FROM (SELECT * FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT 10000) AS entries`,
    `SELECT count(*) AS page FROM (SELECT * FROM ledger_entries WHERE seq > $1 ORDER BY seq LIMIT 10000) AS entries`,
  ]) {
    t = performance.now();
    let text = 0; let parse = 0; let all: any[] = [];
    for (let s = 0; s < n; s += 10000) {
      const r: any = await b.raw(q, [s]);
      const p = performance.now();
      const page = r.rows[0].page;
      if (typeof page === 'string' && page.startsWith('[')) all = all.concat(JSON.parse(page));
      parse += performance.now() - p;
      text += String(page).length;
    }
    console.log(q.slice(0, 40), 'total', Math.round(performance.now() - t), 'parse', Math.round(parse), 'bytes', text);
    if (all.length) {
      t = performance.now();
      let prev = '0'.repeat(64);
      for (const row of all) { const d = contentDigestBytes({ councilId: row[1], actor: row[2], at: row[3], action: row[4], entityType: row[5], entityId: row[6], reason: row[7], before: row[8], after: row[9] }); prev = chainHashOfBytes(prev, d); }
      console.log('hash loop', Math.round(performance.now() - t));
    }
  }
} finally { await b.dispose(); }
