// Writes docs/bundle.schema.json from the zod schema that import validates with.
// Run with `npm run schema:bundle`; a test fails when the checked-in file is stale.
import fs from 'node:fs';
import { bundleJsonSchema } from '#src/bundles/schema.ts';

const file = new URL('../docs/bundle.schema.json', import.meta.url);
fs.writeFileSync(file, `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${file.pathname}`);
