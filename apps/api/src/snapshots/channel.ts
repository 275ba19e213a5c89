// The Postgres NOTIFY channel on which a committed snapshot's version is announced
// to every API process. Only the version travels (NOTIFY payloads stop at 8000
// bytes); listeners read the snapshot itself from ConfigSnapshot.
export const SNAPSHOT_CHANNEL = 'portcullis_snapshot';

// Key of the transaction-level advisory lock that serialises configuration changes
// across API processes, so each snapshot compiles on top of the one before it.
export const CONFIG_LOCK_KEY = 4_082_025;
