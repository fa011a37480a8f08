import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './index.ts';

describe('configuration', () => {
  it('defaults to the embedded database under ./data, with the key and checkpoints beside it', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, path.resolve('data'));
    assert.equal(config.ledgerKeyFile, path.resolve('data', 'keys', 'ledger-ed25519.pem'));
    assert.equal(config.checkpointFile, path.resolve('data', 'checkpoints.jsonl'));
    assert.equal(config.trustProxy, false);
    assert.equal(config.environment, 'production');
    assert.ok(Object.isFrozen(config));
  });

  it('treats a variable set to the empty string as not set', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
  });

  it('reads the environment it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://app@db:5432/freshstart',
      FRESHSTART_DATA_DIR: '/var/freshstart',
      FRESHSTART_LEDGER_KEY: '/secrets/ledger.pem',
      FRESHSTART_TRUST_PROXY: 'true',
      NODE_ENV: 'test',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgresql://app@db:5432/freshstart');
    assert.equal(config.ledgerKeyFile, '/secrets/ledger.pem');
    assert.equal(config.checkpointFile, '/var/freshstart/checkpoints.jsonl');
    assert.equal(config.trustProxy, true);
    assert.equal(config.environment, 'test');
  });

  for (const port of ['eighty', '65536', '-1', '80.5']) {
    it(`refuses PORT=${port}, naming the variable`, () => {
      assert.throws(
        () => loadConfig({ PORT: port }),
        (error) => error instanceof ConfigError && /^Invalid configuration: PORT: /.test(error.message),
      );
    });
  }

  it('refuses a DATABASE_URL that is not a PostgreSQL connection string, naming the variable', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://localhost/db' }),
      (error) =>
        error instanceof ConfigError &&
        error.message ===
          'Invalid configuration: DATABASE_URL: must be a postgres:// or postgresql:// connection string',
    );
  });

  it('lists every invalid variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', FRESHSTART_TRUST_PROXY: 'yes' }),
      (error) =>
        error instanceof ConfigError &&
        ['PORT', 'LOG_LEVEL', 'FRESHSTART_TRUST_PROXY'].every((v) => error.message.includes(`${v}: `)),
    );
  });
});
