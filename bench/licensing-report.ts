import type { LicensingFigures } from './licensing.ts';
import type { BenchOptions } from './options.ts';
import type { RegisterFigures } from './register-search.ts';
import { ms, type ResultRow, whole } from './result-row.ts';

/** The targets the Licensing issue sets. */
export const LICENSING_TARGETS = { gateMs: 5, complianceMs: 300, registerSearchMs: 50 } as const;

const micro = (n: number) => `${(n * 1000).toFixed(1)} µs`;

/** The Licensing module's rows of the results table for one database. */
export function licensingRows(driver: string, l: LicensingFigures, reg: RegisterFigures): ResultRow[] {
  const t = LICENSING_TARGETS;
  const onServer = driver === 'PostgreSQL';
  return [
    {
      driver,
      measure: `Gate decision for one holder: \`decideGate\` (on a server the holder's lock taken; the licence, date of birth and checks read in one statement; the rule applied; ${whole(l.decision.samples)} holders of ${whole(l.scale.holders)})`,
      figure: `p95 ${ms(l.decision.p95)}, p50 ${ms(l.decision.p50)}, max ${ms(l.decision.max)}; ${whole(l.decision.allowed)} allowed, ${whole(l.decision.refused)} refused`,
      target: `p95 < ${t.gateMs} ms`,
      pass: l.decision.p95 < t.gateMs,
    },
    {
      driver,
      measure:
        'Gate attempt recorded: `attemptLicence` renewing a licence (the decision, the attempt and an allowed renewal written with their ledger entries, committed)',
      figure: `p95 ${ms(l.gate.p95)}, p50 ${ms(l.gate.p50)}, max ${ms(l.gate.max)}; ${whole(l.gate.allowed)} renewed, ${whole(l.gate.refused)} refused`,
      target: '(reference)',
      pass: undefined,
    },
    {
      driver,
      measure: 'Gate rule alone: `gateDecision` for the same holders, their checks in hand',
      figure: `p95 ${micro(l.rule.p95)}, p50 ${micro(l.rule.p50)}, max ${micro(l.rule.max)}`,
      target: '(reference)',
      pass: undefined,
    },
    {
      driver,
      measure: `Compliance view on a date, after a check recorded (${whole(l.scale.holders)} holders; \`complianceFacts\` brought up to date from the ledger, \`complianceView\` derived)`,
      figure: `p95 ${ms(l.compliance.p95)}, p50 ${ms(l.compliance.p50)}, max ${ms(l.compliance.max)} over ${l.compliance.samples} dates (read ${ms(l.compliance.readMedian)}, derive ${ms(l.compliance.deriveMedian)}, medians); ${whole(l.compliance.held)} holding a licence, ${whole(l.compliance.attention)} needing attention on the last date; council of ${whole(l.records)} records imported in ${l.importSeconds.toFixed(1)} s`,
      target: `p95 < ${t.complianceMs} ms`,
      pass: l.compliance.p95 < t.complianceMs,
    },
    {
      driver,
      measure:
        'Compliance view with nothing kept (the first after a restart: every holder, licence and check read from the tables)',
      figure: `p95 ${ms(l.coldCompliance.p95)}, p50 ${ms(l.coldCompliance.p50)} over ${l.coldCompliance.samples} dates`,
      target: '(reference)',
      pass: undefined,
    },
    {
      driver,
      measure: `Register search over ${whole(reg.scale.entries)} entries (\`searchRegister\`, the search recorded; ${whole(reg.all.samples)} searches)`,
      figure: `p95 ${ms(reg.all.p95)}, p50 ${ms(reg.all.p50)}, max ${ms(reg.all.max)}; p95 by ${reg.byKind.map((k) => `${k.kind} ${ms(k.spread.p95)} (found ${whole(k.medianFound)} median, ${whole(k.maxFound)} most)`).join(', ')}`,
      target: onServer
        ? `p95 < ${t.registerSearchMs} ms`
        : `(p95 < ${t.registerSearchMs} ms is for PostgreSQL)`,
      pass: onServer ? reg.all.p95 < t.registerSearchMs : undefined,
    },
    {
      driver,
      measure: `Build register to ${whole(reg.scale.entries)} entries (${whole(reg.holders)} holders and licences, ledgered as imported)`,
      figure: `${reg.fillSeconds.toFixed(1)} s`,
      target: '(set-up)',
      pass: undefined,
    },
  ];
}

/** The Licensing paragraphs of "What is measured". */
export function licensingMeasured(options: BenchOptions): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  return `- **Gate**: a synthetic licensing council of ${n(options.licensingHolders)}
  holders (four in five drivers, the rest vehicles and operators), each with a three-year licence
  and the checks a licensing office keeps with their history (about ten a driver; some lapsed, so
  the gate refuses about one in five), imported as a bundle. For ${n(options.gateHolders)} holders
  spread over the council, one transaction each asking for the licence to be renewed on 3 June 2024:
  first \`decideGate\` alone (on a server the holder's lock taken by the licence in one statement,
  PGlite running one transaction at a time needing none; the licence, the holder's date of birth
  and checks read in one statement; the rule applied: the gate decision), then
  \`attemptLicence\` as the licensing officer's form runs it (the same decision, the attempt
  recorded, and when allowed the licence changed, each written with its ledger entry in one
  statement, and committed); p95 of each (after a few of warm-up). Beside them the pure rule
  \`gateDecision\` for the same holders with their checks already in hand.
- **Compliance view**: in the same council, for 11 dates a month apart across 2024 (after one warm-up),
  a driving licence check recorded for one driver, then the view: \`complianceFacts\` (one snapshot:
  the ledger head, and the ledger entries of the council's holders, licences and checks since the
  facts kept were read, applied to them) and \`complianceView\` derived; p95 of the 11 (so the
  slowest). Then, for 5 of those dates, the same with nothing kept, every holder, licence and
  check read from the tables (\`complianceHolders\`), as the first view after a restart is.
- **Register search**: a second council whose register holds ${n(options.registerEntries)} entries:
  drivers refused, suspended or revoked over twenty years, one to seven entries each (a quarter
  as many holders and licences as entries), with invented names skewed as real names are (the
  commonest surname borne by one holder in seventy, some with an O' or a double barrel, one in
  eight with a middle name). The rows are written straight into their tables in transactions of
  about 50,000 entries, their search keys from \`registerEntryRow\` (so \`registerKeys\`), each
  with the ledger entry an import writes for it (action \`import\`, chained by
  \`appendBatchToLedger\`), not imported as a bundle, which would validate and hold every record
  (1.5 million at full size) and its entry in one transaction. No \`ANALYZE\` or \`VACUUM\` is run:
  PGlite never runs them, nor a server without autovacuum (such as the one measured here).
  Then \`searchRegister\` (the count, the first 200 in name order, and the search recorded with
  its ledger entry), one transaction each, for ${n(options.registerSearches)} holders of each
  kind of search in turn: full name (written "SURNAME, First"), surname alone, date of birth,
  licence number (lower case, a space for the dash); the holders are spread evenly over the
  register, so a common surname is searched for as often as it is borne. p95 of all of them.`;
}
