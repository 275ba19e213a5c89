// Kept apart from the screens, so the routes can name it without loading them.
export const SECURITY_PROFILE_LIST_PATH = '/protocol-security/security-profiles/smtp';
