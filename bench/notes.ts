import { LICENSING_TARGETS } from './licensing-report.ts';
import type { DriverResults } from './report.ts';

/** What a reader needs beside the table: how the ledger and the page are built for speed, and what limits a missed target. */
export function reportNotes(results: readonly DriverResults[]): string[] {
  const notes = [
    'Ledger design behind these figures (docs/ledger.md): each entry stores its canonical body exactly ' +
      'as hashed, so verifying an entry is one SHA-256 computation (over the previous hash and the body) with nothing to decode or re-encode; ' +
      "the verifier reads a server's ledger as one binary COPY stream, hashing while the server sends the rest, " +
      "and PGlite's in packed pages of 5,000 entries hashed on a worker thread while the main thread reads the next. " +
      'A record and its ledger entry are written by one statement (the ' +
      "record's insert in a CTE beside `ledger_append`, which takes an advisory lock and chains the " +
      'entry to the last one), so the ledger adds no round trip to a write.',
    'Home page: the session, its user and council are read by one prepared statement and the page by ' +
      'one more; the GOV.UK page around every view, its header and the home content are rendered once ' +
      'per distinct context and reused, only the title, nonce, CSRF token and caption being filled per ' +
      "response; helmet's headers and the CSP are built once, the CSP joined with fresh nonces per " +
      "response. The floor runs the page's own prepared statements with the same concurrency; both " +
      'are warmed up for 2 s before measuring.',
    'Licensing: the register indexes (migration 0006) are each led by the key a search gives (the ' +
      'name words, with a GIN index that takes new entries straight in rather than into a pending list ' +
      'every search would read; the date of birth; the licence number key) and none holds the council, ' +
      'which each search checks after: neither PGlite nor a server without autovacuum gathers ' +
      "statistics, and without them the planner read every one of the council's entries through a " +
      "(council, …) index beside the name index. The gate reads the holder's date of birth as one row " +
      "rather than the holder's whole record (licences, attempts, cases, vehicle checks, register).",
  ];
  for (const r of results) {
    const t = LICENSING_TARGETS;
    if (r.licensing.gate.p95 >= t.gateMs)
      notes.push(
        `${r.driver}: the gate's p95 was ${r.licensing.gate.p95.toFixed(1)} ms, not under ${t.gateMs} ms: a renewal is ` +
          'eight statements (the licence, the lock on the holder, the checks, the date of birth, the attempt ' +
          'with its ledger entry, and for a renewal allowed the licence locked, changed and ledgered) ' +
          'between BEGIN and COMMIT, one after another' +
          (r.driver === 'PGlite'
            ? ', and on PGlite each costs some tenths of a millisecond in the WebAssembly engine on the one Node thread.'
            : '.'),
      );
    if (r.licensing.compliance.p95 >= t.complianceMs)
      notes.push(
        `${r.driver}: the compliance view's p95 was ${r.licensing.compliance.p95.toFixed(0)} ms, not under ` +
          `${t.complianceMs} ms (medians: ${r.licensing.compliance.readMedian.toFixed(0)} ms reading, ` +
          `${r.licensing.compliance.deriveMedian.toFixed(0)} ms deriving). \`complianceHolders\` reads every holder, licence and check ` +
          `of the council (${r.licensing.records.toLocaleString('en-GB')} records, most of them checks) as one row each` +
          (r.driver === 'PGlite'
            ? ', and PGlite hands rows over at some microseconds each (the scan itself takes about a tenth of the time)'
            : '') +
          '; `complianceView` then works out every required check of every holder on the day, with its expiry ' +
          'date computed through Date objects and its message written out, seven for each driver.',
      );
    if (r.driver === 'PostgreSQL' && r.register.all.p95 >= t.registerSearchMs)
      notes.push(
        `${r.driver}: the register search's p95 was ${r.register.all.p95.toFixed(1)} ms, not under ` +
          `${t.registerSearchMs} ms: the commonest surnames match up to ` +
          `${Math.max(...r.register.byKind.map((k) => k.maxFound)).toLocaleString('en-GB')} entries, each counted and then sorted for the first 200.`,
      );
    const v = r.verification;
    if (v.entriesPerSecond < 200_000)
      notes.push(
        `${r.driver}: verification reached ${Math.round(v.entriesPerSecond).toLocaleString('en-GB')} entries/s, ` +
          'short of 200,000: reading and hashing share the 2 cores with the database' +
          (r.driver === 'PGlite' ? ', which for PGlite runs on the main thread beside the reader.' : '.'),
      );
    if (r.overhead.ratio > 1.3)
      notes.push(
        `${r.driver}: a ledgered write costs ${r.overhead.ratio.toFixed(2)}× a plain one, above 1.3×: ` +
          'the entry is a second row with two indexes and three columns generated from its body, ' +
          'written in the same statement as the record.',
      );
    if (r.importing.failure)
      notes.push(
        `${r.driver}: importing ${r.importing.requested.toLocaleString('en-GB')} records failed (${r.importing.failure}).`,
      );
    const h = r.homePage;
    if (h.home.p99 > 3 * h.rawSql.p99)
      notes.push(
        `${r.driver}: the home page's p99 is ${(h.home.p99 / h.rawSql.p99).toFixed(1)}× its raw SQL's, above 3×: ` +
          'beyond its two statements a page costs HTTP parsing, Fastify hooks, the session cookie, the CSRF ' +
          'token, security headers and rendering, all on the one Node thread, while the floor only waits ' +
          'for the database; the load generator shares the same 2 cores.',
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
