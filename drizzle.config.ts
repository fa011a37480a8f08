import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/auth/schema.ts', './src/ledger/schema.ts', './src/modules/*/schema.ts'],
  out: './drizzle',
});
