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
      "(council, …) index beside the name index. The gate takes the holder's lock by the licence in one statement (on a server; " +
      "PGlite runs one transaction at a time and needs none) and reads the licence, the holder's date of birth and checks in one more; an attempt, and a renewal allowed, are each written with " +
      'their ledger entry in one statement. The compliance view reads facts kept between requests and ' +
      'brought up to date from the ledger (every change to a holder, licence or check is an entry carrying ' +
      "the record's new state), and the date arithmetic of the rules keeps its answers.",
  ];
  for (const r of results) {
    const t = LICENSING_TARGETS;
    if (r.licensing.decision.p95 >= t.gateMs)
      notes.push(
        `${r.driver}: the gate decision's p95 was ${r.licensing.decision.p95.toFixed(1)} ms, not under ${t.gateMs} ms: ` +
          `it is ${r.driver === 'PGlite' ? 'one statement' : 'two statements'} between BEGIN and COMMIT, and the p50 was ` +
          `${r.licensing.decision.p50.toFixed(1)} ms, so the slowest twentieth waited on the machine.`,
      );
    if (r.licensing.compliance.p95 >= t.complianceMs)
      notes.push(
        `${r.driver}: the compliance view's p95 was ${r.licensing.compliance.p95.toFixed(0)} ms, not under ` +
          `${t.complianceMs} ms (medians: ${r.licensing.compliance.readMedian.toFixed(0)} ms bringing the facts up to date, ` +
          `${r.licensing.compliance.deriveMedian.toFixed(0)} ms deriving): \`complianceView\` works out every required ` +
          'check of every holder on the day, seven for each driver.',
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
