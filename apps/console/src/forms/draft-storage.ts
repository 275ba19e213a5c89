// A half-filled form survives a detour to another create screen in sessionStorage,
// keyed by the screen's path, and is dropped once the form is saved or cancelled.
const PREFIX = 'portcullis.draft:';

export function saveDraft(path: string, draft: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + path, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the detour then starts the form afresh.
  }
}

export function loadDraft<T extends object>(path: string, fallback: T): T {
  const text = sessionStorage.getItem(PREFIX + path);

  if (!text) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(text) as Partial<T>) };
  } catch {
    return fallback;
  }
}

export function clearDraft(path: string): void {
  sessionStorage.removeItem(PREFIX + path);
}
