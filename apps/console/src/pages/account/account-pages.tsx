import type { TScreenModule } from '../../layout/screen-routes.ts';
import { apiTokensLoader, ApiTokensPage } from './api-tokens-page.tsx';
import { ChangePasswordPage } from './change-password-page.tsx';

// Loaded on the first visit to one of the user's own screens (see account-routes.tsx).

export const changePassword: TScreenModule = { element: <ChangePasswordPage /> };

export const apiTokens: TScreenModule = { element: <ApiTokensPage />, loader: apiTokensLoader };
