import { buildApp } from '#src/app.ts';
import { ROLE_LABELS } from '#src/auth/roles.ts';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '#src/bundles/demo/index.ts';
import { loadConfig } from '#src/config/index.ts';
import { openDatabase } from '#src/db/client.ts';
import { startCheckpointer } from '#src/ledger/checkpointer.ts';
import type { Verb } from './main.ts';

export const serveCommand: Verb = {
  summary: 'run the web service (loads the demo council into an empty database)',
  usage:
    'Usage: freshstart serve\n\nServes Fresh Start on PORT (default 3000). Runs migrations first; on an empty database loads\nthe demo council and prints one demo login per role. Honours DATABASE_URL and FRESHSTART_DATA_DIR.',
  options: {},
  positionals: 0,
  async run(_args, out) {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
      await database.migrate();
      const demoUsers = await database.db.transaction((tx) => loadDemoIfEmpty(tx));
      const app = await buildApp(config, database);
      const checkpointer = startCheckpointer(database.db, config, app.log);
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await checkpointer.stop();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      const address = await app.listen({ port: config.port, host: config.host });
      const where = `http://localhost:${new URL(address).port}`;
      out.log(
        `Fresh Start is running on ${where} (${database.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}).`,
      );
      if (demoUsers) {
        out.log(`Loaded the demo council. Demo logins (password for each: ${DEMO_PASSWORD}):`);
        for (const u of demoUsers) out.log(`  ${ROLE_LABELS[u.role].padEnd(22)} ${u.email}`);
      }
      return await new Promise<number>(() => {});
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
  },
};
