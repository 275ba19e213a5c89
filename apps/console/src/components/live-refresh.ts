// Workers report listener and member status every 2 s; polling a little slower than
// that shows each change within one beat without doubling the API's load.
export const LIVE_REFRESH_MS = 2_500;
