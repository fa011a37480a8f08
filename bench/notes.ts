import type { DriverResults } from './report.ts';

/** What a reader needs beside the table: what was optimised, and what limits a missed target. */
export function reportNotes(results: readonly DriverResults[]): string[] {
  const notes = [
    'Optimised for this run (src/ledger, same hash definition, same checks): the canonical encoding ' +
      'builds a key-sorted copy and lets `JSON.stringify` write it (byte-identical to the `canonicalize` ' +
      'package, which still handles anything unusual: lone surrogates, non-finite numbers, `toJSON`, ' +
      'numeric keys, cycles); SHA-256 through one-shot `crypto.hash`; `verifyChain` reads each page of ' +
      '10,000 entries as one JSON text (`json_agg`) parsed once, and asks for the next page before ' +
      'hashing the current one; `appendBatchToLedger` sends each batch of 5,000 rows as one JSON ' +
      'parameter (`json_populate_recordset`) instead of 60,000 bound parameters.',
  ];
  for (const r of results) {
    const v = r.verification;
    if (v.entriesPerSecond < 200_000)
      notes.push(
        `${r.driver}: verification reached ${Math.round(v.entriesPerSecond).toLocaleString('en-GB')} entries/s, ` +
          'short of 200,000. Per entry it must read about 650 bytes, parse them, re-encode the entry ' +
          'canonically and hash it twice; on this shared 2-core machine that costs several microseconds ' +
          'of JavaScript per entry, and the database spends as much again producing the page' +
          (r.driver === 'PGlite' ? ' in the same thread (PGlite runs in-process, as WebAssembly).' : '.'),
      );
    if (r.overhead.ratio > 1.3)
      notes.push(
        `${r.driver}: a ledgered write costs ${r.overhead.ratio.toFixed(2)}× a plain one, above 1.3×. ` +
          'The ledger adds one statement (the single-statement append that updates the head row and ' +
          'inserts the entry) and its hashing to a transaction that otherwise holds one insert; ' +
          'with a round trip per statement the extra statement alone is close to a third of the time.',
      );
    const h = r.homePage;
    if (h.home.p99 > 3 * h.rawSql.p99)
      notes.push(
        `${r.driver}: the home page's p99 is ${(h.home.p99 / h.rawSql.p99).toFixed(1)}× its raw SQL's, above 3×: ` +
          'the page adds Drizzle result mapping, Nunjucks rendering of the GOV.UK layout, the CSRF token, ' +
          'security headers and HTTP to the three statements.',
      );
    if (r.driver === 'PostgreSQL' && h.home.p99 >= 50)
      notes.push(`${r.driver}: the home page's p99 was ${h.home.p99} ms, not under 50 ms.`);
  }
  return notes;
}
