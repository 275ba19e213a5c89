import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideVerdict } from './decide-verdict.ts';
import { normalizeHeaderNames } from './find-threat.ts';
import type { TIcapResponse } from './read-response.ts';

const SENT = 'digest-of-sent-body';
const names = normalizeHeaderNames(undefined);
const response = (fields: Partial<TIcapResponse>): TIcapResponse => ({
  status: 200,
  reason: 'OK',
  headers: {},
  httpStatus: 200,
  bodyDigest: SENT,
  isKeepAlive: true,
  ...fields,
});

const CLEAN_MODIFIED = { verdict: 'clean', modified: true };
const PROTOCOL_ERROR = { verdict: 'error', code: 'icap_protocol_error' };
const SERVER_ERROR = { verdict: 'error', code: 'icap_server_error' };
// Headers and reason text are not compared: only the verdict's decision.
const decision = (verdict: object) => ({ ...verdict, headers: undefined, reason: undefined });

describe('decideVerdict', () => {
  const cases: [string, Partial<TIcapResponse>, object][] = [
    ['204 as clean', { status: 204, httpStatus: null, bodyDigest: null }, { verdict: 'clean' }],
    [
      '200 with X-Infection-Found as infected',
      { headers: { 'x-infection-found': 'Type=0; Resolution=2; Threat=V1;' } },
      { verdict: 'infected', threat: 'V1' },
    ],
    [
      '200 with a 403 block page and no header as infected',
      { httpStatus: 403, bodyDigest: 'other' },
      { verdict: 'infected', threat: 'unknown' },
    ],
    ['200 echoing the body unchanged as clean', {}, { verdict: 'clean' }],
    ['200 with a changed 2xx body as clean, flagged', { bodyDigest: 'other' }, CLEAN_MODIFIED],
    ['200 without a body as an error', { bodyDigest: null }, PROTOCOL_ERROR],
    ['500 as an error', { status: 500, reason: 'Server error' }, SERVER_ERROR],
    ['404 as an error', { status: 404, reason: 'Service not found' }, SERVER_ERROR],
    ['206 as an error', { status: 206 }, PROTOCOL_ERROR],
    ['a stray 100 as an error', { status: 100 }, PROTOCOL_ERROR],
  ];
  for (const [name, fields, expected] of cases) {
    it(`should read ${name}`, () => {
      const verdict = decideVerdict(response(fields), SENT, names);

      assert.deepEqual(decision(verdict), decision(expected));
    });
  }

  it('should never answer clean for any status other than 200 and 204', () => {
    for (let status = 100; status < 600; status += 1) {
      if (status === 200 || status === 204) continue;

      const verdict = decideVerdict(response({ status }), SENT, names);

      assert.notEqual(verdict.verdict, 'clean', `status ${status}`);
    }
  });
});
