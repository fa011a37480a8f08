import fs from 'node:fs';
import path from 'node:path';
import { bundleText, exportBundle } from '#src/bundles/export.ts';
import { importBundle, parseBundleText } from '#src/bundles/import.ts';
import { BundleError } from '#src/bundles/problems.ts';
import { loadConfig } from '#src/config/index.ts';
import { type Database, openDatabase } from '#src/db/client.ts';
import { writeCheckpointIfChanged } from '#src/ledger/checkpoint.ts';
import { verifyDeployment } from '#src/ledger/service.ts';
import { gssCode } from '#src/modules/councils/validation.ts';
import type { Verb } from './main.ts';

/** Opens the configured database, migrates it, runs the work, and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

const ENV = 'Honours DATABASE_URL and FRESHSTART_DATA_DIR.';

export const migrateCommand: Verb = {
  summary: 'run the database migrations that have not run yet',
  usage: `Usage: freshstart migrate\n\nRuns the checked-in SQL migrations. ${ENV}`,
  options: {},
  positionals: 0,
  async run(_args, out) {
    await withDatabase(async () => {});
    out.log('Migrations are up to date.');
    return 0;
  },
};

export const importCommand: Verb = {
  summary: 'import a council bundle (all of it or nothing)',
  usage: `Usage: freshstart import FILE\n\nValidates the whole bundle first; any problem is reported with its JSON path and nothing is imported. ${ENV}`,
  options: {},
  positionals: 1,
  async run({ positionals }, out) {
    const file = positionals[0] as string;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      out.error(
        `freshstart import: cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
      return 1;
    }
    const bundle = parseBundleText(text);
    const config = loadConfig();
    const result = await withDatabase(async ({ db }) => {
      const imported = await db.transaction((tx) =>
        importBundle(tx, bundle, `freshstart import ${path.basename(file)}`),
      );
      await writeCheckpointIfChanged(db, {
        keyFile: config.ledgerKeyFile,
        checkpointFile: config.checkpointFile,
      });
      return imported;
    });
    out.log(`Imported ${result.council}: ${result.records} records, each with its ledger entry.`);
    return 0;
  },
};

export const exportCommand: Verb = {
  summary: 'export a council as a bundle',
  usage: `Usage: freshstart export --council GSSCODE [--out FILE]\n\nWrites the council's whole record as a bundle to FILE, or to standard output. ${ENV}`,
  options: { council: { type: 'string' }, out: { type: 'string' } },
  positionals: 0,
  async run({ values }, out) {
    const code = gssCode.safeParse(values.council);
    if (!code.success) {
      out.error(
        `freshstart export: --council ${values.council === undefined ? 'is required' : code.error.issues[0]?.message}`,
      );
      return 2;
    }
    const bundle = await withDatabase(({ db }) => exportBundle(db, code.data));
    if (!bundle)
      throw new BundleError([
        { path: '--council', message: `there is no council ${code.data} in this database` },
      ]);
    if (typeof values.out === 'string') {
      fs.writeFileSync(values.out, bundleText(bundle));
      out.log(`Exported ${code.data} to ${values.out}.`);
    } else {
      out.log(bundleText(bundle).trimEnd());
    }
    return 0;
  },
};

export const verifyCommand: Verb = {
  summary: 'verify the ledger chain, the latest checkpoint and every record',
  usage: `Usage: freshstart verify [--checkpoint FILE] [--public-key FILE] [--json]\n\nChecks every ledger entry's hash and link, the latest signed checkpoint (by default the\nconfigured checkpoint file, verified with the public key beside the signing key), and that\nevery record equals the state its last ledger entry records. Exits 1 when anything fails,\nnaming the first entry that does not verify. ${ENV}`,
  options: { checkpoint: { type: 'string' }, 'public-key': { type: 'string' }, json: { type: 'boolean' } },
  positionals: 0,
  async run({ values }, out) {
    const config = loadConfig();
    for (const file of [values.checkpoint, values['public-key']]) {
      if (typeof file === 'string' && !fs.existsSync(file)) {
        out.error(`freshstart verify: cannot read ${file}: no such file`);
        return 2;
      }
    }
    const report = await withDatabase(({ db }) =>
      verifyDeployment(db, config, {
        checkpointFile: values.checkpoint as string | undefined,
        publicKeyFile: values['public-key'] as string | undefined,
      }),
    );
    if (values.json) out.log(JSON.stringify(report, null, 2));
    else {
      out.log(`${report.entries} ledger entries, ${report.recordsChecked} records checked.`);
      out.log(
        report.checkpoint
          ? `Latest checkpoint: ${report.checkpoint.count} entries, signed ${report.checkpoint.at}.`
          : 'No checkpoint was given: entries cut off the end could not be detected.',
      );
      for (const p of report.problems) out.error(`FAIL ${p.message}`);
      out.log(
        report.ok
          ? 'The ledger verifies.'
          : `The ledger does NOT verify: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}.`,
      );
    }
    return report.ok ? 0 : 1;
  },
};
