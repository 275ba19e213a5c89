import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toParameterValue } from '../../../src/domain/internal-parameters/to-parameter-value.ts';
import { isAppError } from '../../../src/errors/app-error.ts';

describe('toParameterValue', () => {
  const accepted: Array<[string, string, string]> = [
    ['icap_uri', 'avscan', 'avscan'],
    ['icap_uri', '//srv/clamav', 'srv/clamav'],
    ['virus_header_name', 'X-Virus-ID', 'X-Virus-ID'],
    ['virus_header_name', 'A , B,C', 'A,B,C'],
    ['icap_timeout_ms', ' 0250 ', '250'],
    ['icap_preview_bytes', '0', '0'],
    ['a_later_parameter', 'anything at all', 'anything at all'],
  ];

  for (const [name, text, stored] of accepted) {
    it(`should store ${name} "${text}" as "${stored}"`, () => {
      assert.equal(toParameterValue(name, text), stored);
    });
  }

  const refused: Array<[string, string]> = [
    ['icap_uri', 'av/../scan'],
    ['icap_uri', 'a'.repeat(129)],
    ['virus_header_name', 'X-Virus:Name'],
    ['virus_header_name', ''],
    ['icap_timeout_ms', '0'],
    ['icap_timeout_ms', '1e3'],
    ['icap_timeout_ms', '9999999999'],
    ['icap_preview_bytes', '-1'],
    ['a_later_parameter', ''],
  ];

  for (const [name, text] of refused) {
    it(`should refuse ${name} "${text.slice(0, 20)}" on the value field`, () => {
      assert.throws(
        () => toParameterValue(name, text),
        (error) => isAppError(error) && error.field === 'value' && error.statusCode === 400,
      );
    });
  }
});
