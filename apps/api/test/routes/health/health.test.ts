import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from '../../helper.ts';

const context = build();

describe('GET /api/v1/health', () => {
  it('should report the API and its database as ok', async () => {
    const response = await context.app.inject({ url: '/api/v1/health' });

    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: 'ok' });
  });
});
