import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LoadFigures } from './stats.ts';

const LOAD_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load.ts');

/** Puts `connections` autocannon connections (no pipelining) on a URL for `seconds`, from a child process. */
export async function loadUrl(options: {
  url: string;
  connections: number;
  seconds: number;
  cookie?: string;
}): Promise<LoadFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', LOAD_SCRIPT, JSON.stringify(options)],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as LoadFigures;
}
