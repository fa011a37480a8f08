import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadDemoIfEmpty, demoBundle } from '#src/bundles/demo/index.ts';
import { personEntity } from '#src/db/ledgered.ts';
import { appendToLedger } from '#src/ledger/append.ts';
import { insertRecord, stateOf } from '#src/ledger/records.ts';
import { people } from '#src/modules/councils/schema.ts';
import { freshPglite } from './databases.ts';
import { median } from './stats.ts';
const bench = await freshPglite();
const db = bench.database.db;
try {
  await db.transaction((tx) => loadDemoIfEmpty(tx));
  const councilId = demoBundle().council.id;
  const v = () => ({ id: randomUUID(), councilId, name: `P ${randomUUID()}`, kind: 'officer' as const, publicRole: 'Role', party: null, source: 'x' });
  const t: Record<string, number[]> = { plain: [], ledgered: [], appendOnly: [], insertTwice: [], selectHead: [], noTx: [] };
  for (let i = 0; i < 400; i++) {
    let s = performance.now(); await db.transaction((tx) => tx.insert(people).values(v()).returning()); t.plain!.push(performance.now() - s);
    s = performance.now(); await db.transaction((tx) => insertRecord(tx, personEntity, v(), { actor: 'a' })); t.ledgered!.push(performance.now() - s);
    const row = { ...v(), withdrawnAt: null, withdrawnReason: null, toDate: null, fromDate: null };
    s = performance.now(); await db.transaction((tx) => appendToLedger(tx, { councilId, actor: 'a', action: 'create', entityType: 'person', entityId: row.id, before: null, after: stateOf(personEntity, row as never) })); t.appendOnly!.push(performance.now() - s);
    s = performance.now(); await db.transaction(async (tx) => { await tx.insert(people).values(v()).returning(); await tx.insert(people).values(v()).returning(); }); t.insertTwice!.push(performance.now() - s);
    s = performance.now(); await db.transaction(async (tx) => { await tx.insert(people).values(v()).returning(); await tx.execute(sql`SELECT seq, hash FROM ledger_head WHERE id = 1`); }); t.selectHead!.push(performance.now() - s);
    s = performance.now(); await db.insert(people).values(v()).returning(); t.noTx!.push(performance.now() - s);
  }
  for (const [k, a] of Object.entries(t)) console.log(k.padEnd(12), median(a.slice(50)).toFixed(3));
} finally { await bench.dispose(); }
