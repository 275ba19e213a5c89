import type { TScreenModule } from '../../layout/screen-routes.ts';
import { auditLogLoader, AuditLogPage } from './audit-log/audit-log-page.tsx';
import { dnsLoader, DnsPage } from './dns-page.tsx';
import { loggingLoader, LoggingPage } from './logging-page.tsx';
import { UserCreatePage } from './users/user-create-page.tsx';
import { userEditLoader, UserEditPage } from './users/user-edit-page.tsx';
import { userListLoader, UserListPage } from './users/user-list-page.tsx';

// Loaded on the first visit to a System screen (see the routes file).

export const dns: TScreenModule = { element: <DnsPage />, loader: dnsLoader };

export const logging: TScreenModule = { element: <LoggingPage />, loader: loggingLoader };

export const userList: TScreenModule = { element: <UserListPage />, loader: userListLoader };

export const userCreate: TScreenModule = { element: <UserCreatePage /> };

export const userEdit: TScreenModule = { element: <UserEditPage />, loader: userEditLoader };

export const auditLog: TScreenModule = { element: <AuditLogPage />, loader: auditLogLoader };
