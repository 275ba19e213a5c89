import { ZApiError } from '@portcullis/contracts';
import { z } from 'zod';

/** Error replies every route may give, for the OpenAPI document. */
export const ERROR_RESPONSES = { '4xx': ZApiError, '5xx': ZApiError };

export const ZNoContent = z.null().describe('no content');
