// The user menu's screens; the paths live apart so the header needs none of their code.
export const CHANGE_PASSWORD_PATH = '/account/password';
export const API_TOKENS_PATH = '/account/tokens';
