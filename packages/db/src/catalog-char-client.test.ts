import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { CatalogCharClient } from './catalog-char-client.ts';
import { TEST_ADMIN_URL } from './test-support.ts';

describe('CatalogCharClient', () => {
  const pool = new pg.Pool({
    connectionString: TEST_ADMIN_URL,
    Client: CatalogCharClient,
    max: 1,
  });
  after(() => pool.end());

  it('should report "char" columns as text, through a pool and a promise', async () => {
    const viaPool = await pool.query(`SELECT 'p'::"char" AS kind, 1 AS n`);
    const client = await pool.connect();
    const viaClient = await client
      .query(`SELECT 'u'::"char" AS kind`)
      .finally(() => client.release());

    assert.deepEqual(viaPool.fields.map((field) => field.dataTypeID), [25, 23]);
    assert.deepEqual(viaPool.rows, [{ kind: 'p', n: 1 }]);
    assert.equal(viaClient.fields[0]?.dataTypeID, 25);
    assert.deepEqual(viaClient.rows, [{ kind: 'u' }]);
  });
});
