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
      measure: `Gate for one holder: \`attemptLicence\` renewing a licence (read checks, decide, record; ${whole(l.gate.samples)} holders of ${whole(l.scale.holders)})`,
      figure: `p95 ${ms(l.gate.p95)}, p50 ${ms(l.gate.p50)}, max ${ms(l.gate.max)}; ${whole(l.gate.allowed)} renewed, ${whole(l.gate.refused)} refused`,
      target: `p95 < ${t.gateMs} ms`,
      pass: l.gate.p95 < t.gateMs,
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
      measure: `Compliance view on a date (${whole(l.scale.holders)} holders; \`complianceHolders\` read and \`complianceView\` derived)`,
      figure: `p95 ${ms(l.compliance.p95)}, p50 ${ms(l.compliance.p50)}, max ${ms(l.compliance.max)} over ${l.compliance.samples} dates (read ${ms(l.compliance.readMedian)}, derive ${ms(l.compliance.deriveMedian)}, medians); ${whole(l.compliance.held)} holding a licence, ${whole(l.compliance.attention)} needing attention on the last date; council of ${whole(l.records)} records imported in ${l.importSeconds.toFixed(1)} s`,
      target: `p95 < ${t.complianceMs} ms`,
      pass: l.compliance.p95 < t.complianceMs,
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
  return `- **Gate** (\`attemptLicence\`): a synthetic licensing council of ${n(options.licensingHolders)}
  holders (four in five drivers, the rest vehicles and operators), each with a three-year licence
  and the checks a licensing office keeps with their history (about ten a driver; some lapsed, so
  the gate refuses about one in five), imported as a bundle. For ${n(options.gateHolders)} holders
  spread over the council, one transaction each renewing the licence on 3 June 2024 as the
  licensing officer's form does: the licence read, the holder locked, the checks and date of birth
  read, the rule applied, the attempt recorded (allowed or refused) and, when allowed, the licence
  changed, each with its ledger entry; p95 (after a few of warm-up). Beside it the pure rule
  \`gateDecision\` for the same holders with their checks already in hand.
- **Compliance view**: in the same council, for 11 dates a month apart across 2024 (after one warm-up), one
  transaction reading every holder with their licences and checks (\`complianceHolders\`, three
  queries) and deriving the view (\`complianceView\`); p95 of the 11 (so the slowest).
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
