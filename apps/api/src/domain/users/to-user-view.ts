import type { TUser } from '@portcullis/contracts';
import type { Prisma } from '@portcullis/db';

export type TUserRow = Prisma.UserGetPayload<object>;

/** A user as the API shows it: never the password hash. */
export function toUserView(row: TUserRow): TUser {
  return {
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
