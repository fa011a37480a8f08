import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '#src/config/index.ts';
import { queryRows } from '#src/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const url = loadConfig().databaseUrl;

describe('the PostgreSQL connection pool', { skip: url ? false : 'runs only with DATABASE_URL set' }, () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it('survives the server ending an idle connection, and answers on a new one', async () => {
    const [first] = await queryRows<{ pid: number }>(database.db, sql`SELECT pg_backend_pid() AS pid`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [first?.pid]);
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [second] = await queryRows<{ pid: number }>(database.db, sql`SELECT pg_backend_pid() AS pid`);
    assert.ok(second?.pid);
    assert.notEqual(second?.pid, first?.pid);
  });
});
