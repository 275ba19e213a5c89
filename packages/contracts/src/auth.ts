// Users, sessions, API tokens and the audit log: who may change the gateway.
import { z } from 'zod';

/** Highest first: each role may do everything the roles after it may. */
export const ROLES = ['ADMINISTRATOR', 'OPERATOR', 'GUEST'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Whether `role` is at least `required` in the ladder above. */
export function hasRole(role: TRole, required: TRole): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(required);
}

export const SESSION_COOKIE = 'portcullis_session';
export const CSRF_HEADER = 'x-csrf-token';
export const API_TOKEN_PREFIX = 'pct_';
export const PASSWORD_MIN_LENGTH = 12;

export const ZUsername = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.@-]{0,62}$/, {
    message: 'use 1-63 letters, digits, dots, dashes, underscores or @, starting with a letter',
  });

// An upper bound keeps the hashing cost of one request bounded.
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(256, { message: 'must be at most 256 characters' });

export const ZSignIn = z.object({
  username: z.string().min(1).max(63),
  password: z.string().min(1).max(256),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZSessionUser = z.object({ username: z.string(), role: ZRole });

export const ZSessionInfo = z.object({
  user: ZSessionUser,
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

export const ZPasswordChange = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZPassword,
});

export const ZUser = z.object({
  username: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserInput = z.object({ username: ZUsername, password: ZPassword, role: ZRole });
export type TUserInput = z.infer<typeof ZUserInput>;

export const ZUserPatch = z
  .object({ role: ZRole, disabled: z.boolean(), password: ZPassword })
  .partial()
  .strict();
export type TUserPatch = z.infer<typeof ZUserPatch>;

export const ZUsernameParams = z.object({ username: z.string().min(1).max(63) });

export const ZSessionItem = z.object({
  id: z.string(),
  username: z.string(),
  address: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export type TSessionItem = z.infer<typeof ZSessionItem>;

export const ZApiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  role: ZRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenInput = z.object({
  name: z.string().trim().min(1).max(100),
  role: ZRole,
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export type TApiTokenInput = z.infer<typeof ZApiTokenInput>;

/** The answer to creating a token: the only time the token itself is shown. */
export const ZApiTokenCreated = ZApiToken.pick({
  id: true,
  name: true,
  role: true,
  createdAt: true,
  expiresAt: true,
}).extend({ token: z.string() });
export type TApiTokenCreated = z.infer<typeof ZApiTokenCreated>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'revoke',
  'password-change',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const ZAuditEntry = z.object({
  id: z.string(),
  time: z.string(),
  actor: z.string(),
  address: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectName: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  actor: z.string().max(200).optional(),
  objectType: z.string().max(50).optional(),
  action: ZAuditAction.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  // The id of the last entry of the previous page; entries come newest first.
  cursor: z.string().regex(/^\d{1,19}$/, { message: 'must be an entry id' }).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = z.object({
  items: z.array(ZAuditEntry),
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
