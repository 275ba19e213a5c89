import { z } from 'zod';

// Object names follow the appliance's rules: a letter first, then letters, digits,
// dots, dashes and underscores. They appear in logs and URLs, so no spaces.
export const ZObjectName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,62}$/, {
    message: 'use 1-63 letters, digits, dots, dashes or underscores, starting with a letter',
  });

export const ZIpAddress = z.union([z.ipv4(), z.ipv6()], {
  error: 'must be an IPv4 or IPv6 address',
});

export const ZPort = z
  .number({ error: 'must be a port number' })
  .int()
  .min(1, { message: 'must be between 1 and 65535' })
  .max(65535, { message: 'must be between 1 and 65535' });

export const ZIdParams = z.object({ id: z.coerce.number().int().positive() });
export type TIdParams = z.infer<typeof ZIdParams>;

export const ZListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(100),
  q: z.string().max(100).optional(),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
  });
}
