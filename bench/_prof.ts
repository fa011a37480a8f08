import { buildApp } from '#src/app.ts';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '#src/bundles/demo/index.ts';
import { loadConfig } from '#src/config/index.ts';
import { freshPostgres, freshPglite } from './databases.ts';
import { HOME_USER, signInThroughForm } from './home-page.ts';
const bench = process.argv[2] === 'pg' ? await freshPostgres('postgres://postgres@127.0.0.1:5432/postgres') : await freshPglite();
try {
  await bench.database.db.transaction((tx) => loadDemoIfEmpty(tx));
  const app = await buildApp(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), bench.database, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as any).port}`;
  const cookie = await signInThroughForm(base, HOME_USER, DEMO_PASSWORD);
  for (const url of ['/home', '/accessibility', '/health', '/home', '/accessibility', '/health']) {
    const t = performance.now(); let size = 0;
    for (let i = 0; i < 100; i++) size = (await app.inject({ url, headers: { cookie } })).body.length;
    console.log(url, ((performance.now() - t) / 100).toFixed(2), 'ms', size, 'bytes');
  }
  const t = performance.now();
  for (let i = 0; i < 100; i++) await app.inject({ url: '/home', headers: { cookie } });
  console.log('home', ((performance.now() - t) / 100).toFixed(2));
  await app.close();
} finally { await bench.dispose(); }
