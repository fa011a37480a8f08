import { sql } from 'drizzle-orm';
import { freshPglite, freshPostgres } from './databases.ts';
import { fillLedger } from './ledger-fill.ts';
import { queryRows } from '#src/db/client.ts';
import { contentDigest, chainHash, canonicalEncoding } from '#src/ledger/canonical.ts';
const n = Number(process.env.N ?? 100000);
const b = process.argv[2] === 'pg' ? await freshPostgres('postgres://postgres@127.0.0.1:5432/postgres') : await freshPglite();
try {
  await fillLedger(b.database.db, n, '04964af8-728f-5ef2-8f9d-195979148879');
  const db = b.database.db;
  let t = performance.now();
  let rows: any[] = [];
  for (let s = 1; s <= n; s += 10000) {
    const page = await queryRows<any>(db, sql`SELECT seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash FROM ledger_entries WHERE seq >= ${s} ORDER BY seq LIMIT 10000`);
    rows = rows.concat(page);
  }
  console.log('fetch drizzle', performance.now() - t);
  t = performance.now();
  for (let s = 1; s <= n; s += 10000) {
    await b.raw(`SELECT seq, council_id, actor, at, action, entity_type, entity_id, reason, before, after, prev_hash, hash FROM ledger_entries WHERE seq >= $1 ORDER BY seq LIMIT 10000`, [s]);
  }
  console.log('fetch raw', performance.now() - t);
  t = performance.now();
  for (let s = 1; s <= n; s += 10000) {
    await b.raw(`SELECT seq, council_id, actor, at, action, entity_type, entity_id, reason, before::text, after::text, prev_hash, hash FROM ledger_entries WHERE seq >= $1 ORDER BY seq LIMIT 10000`, [s]);
  }
  console.log('fetch raw text', performance.now() - t);
  t = performance.now();
  for (const row of rows) canonicalEncoding({ councilId: row.council_id, actor: row.actor, at: row.at, action: row.action, entityType: row.entity_type, entityId: row.entity_id, reason: row.reason, before: row.before, after: row.after });
  console.log('canon', performance.now() - t);
  t = performance.now();
  let prev = '0'.repeat(64);
  for (const row of rows) { const d = contentDigest({ councilId: row.council_id, actor: row.actor, at: row.at, action: row.action, entityType: row.entity_type, entityId: row.entity_id, reason: row.reason, before: row.before, after: row.after }); prev = chainHash(prev, d); }
  console.log('digest+chain', performance.now() - t);
} finally { await b.dispose(); }
