import type { DriverResults } from './report.ts';

/** What a reader needs beside the table: what was optimised, and what limits a missed target. */
export function reportNotes(results: readonly DriverResults[]): string[] {
  const notes = [
    'Optimised for this run (src/ledger, same hash definition, same checks): the canonical encoding ' +
      'builds a key-sorted copy and lets `JSON.stringify` write it (byte-identical to the `canonicalize` ' +
      'package, which still handles anything unusual: lone surrogates, non-finite numbers, `toJSON`, ' +
      'numeric keys, cycles); SHA-256 through one-shot `crypto.hash`; `verifyChain` reads each page of ' +
      '2,000 entries from PGlite as one JSON text (`json_agg`) parsed once (from a server, plain rows: ' +
      'its driver decodes them faster than the server builds JSON), and asks for the next page before ' +
      'hashing the current one; `appendBatchToLedger` sends each batch of 5,000 rows as one JSON ' +
      'parameter (`json_populate_recordset`) instead of 60,000 bound parameters.',
    'Before those changes, on this machine and under similar load, verification ran at about 8,400 ' +
      'entries/s on PGlite and 26,000–32,000 on PostgreSQL (100,000 entries), and `appendBatchToLedger` ' +
      'wrote about 8,300 and 8,600 entries/s; after them, under the same load, about 70,000 entries/s ' +
      'verified on each (200,000 entries) and 11,000 and 25,000 written; this run is in the table. ' +
      'The property check used while changing the ' +
      'encoder compared it with the `canonicalize` package on 200,000 random values (keys and strings ' +
      'with surrogates, escapes and digits, numbers such as -0, 1e21 and 0.1 + 0.2, nesting, undefined, ' +
      'Dates, cycles): identical output or the identical error every time.',
  ];
  for (const r of results) {
    const v = r.verification;
    if (v.entriesPerSecond < 200_000)
      notes.push(
        `${r.driver}: verification reached ${Math.round(v.entriesPerSecond).toLocaleString('en-GB')} entries/s, ` +
          'short of 200,000. Per entry the verifier must decode about 650 bytes, re-encode the entry ' +
          'canonically (sorting the keys of its states) and hash twice; profiled, that is several ' +
          'microseconds of JavaScript per entry (decoding, encoding, hashing and the garbage collector ' +
          'in similar shares) on one thread' +
          (r.driver === 'PGlite'
            ? ', and PGlite reads the pages in that same thread (it runs in-process, as WebAssembly).'
            : '; the server reads the next page meanwhile, so the JavaScript is the bound. Going further ' +
              'would mean hashing in worker threads, which this 2-core machine could hardly feed.'),
      );
    if (r.overhead.ratio > 1.3)
      notes.push(
        `${r.driver}: a ledgered write costs ${r.overhead.ratio.toFixed(2)}× a plain one, above 1.3×. ` +
          'The ledger adds one statement (the single statement that moves the head row and inserts the ' +
          'entry, with three indexes to maintain) to a transaction that otherwise holds one insert. ' +
          (r.driver === 'PGlite'
            ? 'On PGlite every statement has a fixed cost of the order of a millisecond on this machine ' +
              '(measured: a transaction of two inserts costs about 2.3× one of one insert), so any ' +
              'second statement misses 1.3×; meeting it would need the record and its entry written ' +
              'by one statement, which changes records.ts rather than the ledger.'
            : 'With a round trip per statement the extra statement is a large share of a one-insert transaction.'),
      );
    if (r.importing.failure)
      notes.push(
        `${r.driver}: importing ${r.importing.requested.toLocaleString('en-GB')} records failed ` +
          `(${r.importing.failure}). \`importBundle\` looks for ids already present with one \`IN (…)\` ` +
          'list of every id in the bundle, and a statement may bind at most 65,535 parameters, so no ' +
          'bundle of more than 65,535 people (or 32,767 users, whose ids and emails are both listed) can ' +
          'be imported. The fix belongs in src/bundles/import.ts (look up in chunks, or bind the ids as ' +
          'one array: `= ANY($1::uuid[])`); the table gives the figure for a bundle of ' +
          `${r.importing.records.toLocaleString('en-GB')} records instead.`,
      );
    const h = r.homePage;
    if (h.home.p99 > 3 * h.rawSql.p99)
      notes.push(
        `${r.driver}: the home page's p99 is ${(h.home.p99 / h.rawSql.p99).toFixed(1)}× its raw SQL's, above 3×: ` +
          'the page adds Drizzle result mapping, Nunjucks rendering of the GOV.UK layout, the CSRF token, ' +
          'the CSP nonce, security headers and HTTP to the three statements, all on the one Node thread, ' +
          'while the floor only waits for the database. Under 20 connections the page is bound by that ' +
          'thread: the bare route shows what Fastify alone costs. Profiled one request at a time on ' +
          'PostgreSQL, /home took about 2.6 ms, of which about 1.6 ms was work on the Node thread ' +
          '(Drizzle query building and row mapping and Nunjucks the largest shares, then pg, Fastify, ' +
          'helmet) and the rest waiting for the database; the load generator shares the same 2 cores.',
      );
    if (r.driver === 'PostgreSQL' && h.home.p99 >= 50)
      notes.push(
        `${r.driver}: the home page's p99 was ${h.home.p99} ms, not under 50 ms: with 20 connections ` +
          `and ${Math.round(h.home.requestsPerSecond)} pages a second, each request waits behind about ` +
          `${Math.round((20 / h.home.requestsPerSecond) * 1000)} ms of other requests' work on the one Node thread.`,
      );
  }
  return notes;
}
