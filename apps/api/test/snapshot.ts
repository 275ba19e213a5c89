import assert from 'node:assert/strict';
import { type TSnapshot, ZSnapshot } from '@portcullis/contracts';
import { type TTestContext, WORKER_AUTH } from './helper.ts';

/** The newest snapshot as a worker pulls it, checked against the contract. */
export async function pullSnapshot(context: TTestContext): Promise<TSnapshot> {
  const response = await context.app.inject({ url: '/internal/v1/snapshot', headers: WORKER_AUTH });
  assert.equal(response.statusCode, 200, response.body);

  return ZSnapshot.parse(response.json());
}
