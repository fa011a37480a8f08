import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A Fresh Start server running as a child process, with the demo council loaded. */
export interface RunningServer {
  /** Where it listens, like `http://localhost:41785`. */
  baseUrl: string;
  /** Stops the server (SIGTERM, so it closes its database) and removes its data folder. */
  stop(): Promise<void>;
}

/** How long the server may take to migrate, load the demo council and listen. */
const START_TIMEOUT_MS = 90_000;

/**
 * Starts the real server (`node bin/freshstart.js serve`) on a free port and an
 * empty data folder, and resolves once it prints the address it is running on.
 */
export async function startServer(): Promise<RunningServer> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-e2e-'));
  // Always a fresh embedded database, even when the suite runs with DATABASE_URL set.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(root, 'bin', 'freshstart.js'), 'serve'], {
    cwd: root,
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      FRESHSTART_DATA_DIR: path.join(dataRoot, 'data'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await terminate(child, exited);
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running on (http:\/\/localhost:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with code ${code} before it started:\n${output}`));
      });
    });
    // Keep draining its output so a chatty server never blocks on a full pipe;
    // warnings and errors still reach the test log.
    child.stdout?.removeAllListeners('data').resume();
    child.stderr?.removeAllListeners('data').on('data', (chunk: Buffer) => process.stderr.write(chunk));
    return { baseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
