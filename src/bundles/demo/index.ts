import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tx } from '#src/db/client.ts';
import { councils } from '#src/modules/councils/schema.ts';
import { importBundle, parseBundleText } from '../import.ts';
import type { Bundle } from '../schema.ts';

/** The demo council's bundle, built from the seed documents by `npm run demo:build`. */
export const DEMO_BUNDLE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rotherham.json');

/** The password of every demo account. The demo is for trying the service, never for real records. */
export const DEMO_PASSWORD = 'fresh-start-demo';

/** The demo bundle, validated as any other bundle is. */
export function demoBundle(): Bundle {
  return parseBundleText(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));
}

/**
 * Loads the demo council when the database holds no council at all, and returns
 * its accounts (one per role) to print; returns undefined when it was not needed.
 */
export async function loadDemoIfEmpty(tx: Tx): Promise<Bundle['users'] | undefined> {
  const any = await tx.select({ id: councils.id }).from(councils).limit(1);
  if (any.length) return undefined;
  const bundle = demoBundle();
  await importBundle(tx, bundle, 'freshstart:demo');
  return bundle.users;
}
