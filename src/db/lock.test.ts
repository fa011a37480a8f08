import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

describe('the data folder lock', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-lock-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lockFile = () => path.join(dir, 'freshstart.lock');

  it('is refused, naming the holder, while a live process holds it, and free once released', () => {
    const lock = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(lockFile(), 'utf8'), String(process.pid));
    assert.throws(
      () => acquireDataDirLock(dir),
      (error) => error instanceof DataDirLockedError && error.message.includes(`pid ${process.pid}`),
    );
    lock.release();
    lock.release();
    assert.ok(!fs.existsSync(lockFile()));
    acquireDataDirLock(dir).release();
  });

  it('is taken over from a process that has died', () => {
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    fs.writeFileSync(lockFile(), dead);
    const lock = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(lockFile(), 'utf8'), String(process.pid));
    lock.release();
  });
});
