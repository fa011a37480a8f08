#!/usr/bin/env node
// Runs the test suite with Node's own test runner: unit and integration tests
// (src/**/*.test.ts, test/**/*.test.ts), then browser tests (e2e/**/*.test.ts).
//   npm test            everything
//   npm test -- unit    unit and integration tests only
//   npm test -- e2e     browser tests only
// FRESHSTART_SKIP_E2E=1 leaves out the browser tests (the Node 24 pass in CI does).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function find(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

const which = process.argv[2] ?? 'all';
if (!['all', 'unit', 'e2e'].includes(which)) {
  console.error(`test: unknown selection '${which}'; use unit, e2e or nothing for all.`);
  process.exit(2);
}
const groups = [];
if (which !== 'e2e')
  groups.push(['unit and integration', [...find('src'), ...find('test')], ['--test-concurrency=2']]);
if (which !== 'unit' && process.env.FRESHSTART_SKIP_E2E !== '1')
  groups.push(['browser', find('e2e'), ['--test-concurrency=1']]);

// The browser tests need Debian's Chromium. As root (CI containers), install it
// when it is missing; if that fails, the browser tests skip and say why.
function ensureBrowser() {
  if (fs.existsSync('/usr/bin/chromium') || process.getuid?.() !== 0) return;
  const install = spawnSync('bash', [path.join(root, 'scripts', 'ensure-browser.sh')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (install.status !== 0) console.error('test: could not install Chromium; the browser tests will skip.');
}

let status = 0;
for (const [name, files, extra] of groups) {
  if (files.length === 0) continue;
  if (name === 'browser') ensureBrowser();
  console.log(`\n# ${name} tests (${files.length} files)`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...files],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    },
  );
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
