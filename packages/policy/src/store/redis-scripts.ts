// Lua scripts for the read-modify-write operations, so each runs atomically inside Redis even
// when several workers hit the same key. Times come from the caller's clock (ms since the
// epoch) so that every worker and the memory store agree on window boundaries.

/**
 * KEYS[1] this window's bucket, KEYS[2] the previous one; ARGV[1] the bucket TTL in ms,
 * ARGV[2] the share of the previous window that still overlaps (0..1).
 * Returns the sliding count, this hit included.
 */
export const HIT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
return current + math.floor(previous * tonumber(ARGV[2]))
`;

/**
 * KEYS[1] a sorted set of slot ids scored by when they lapse; ARGV[1] now, ARGV[2] the new
 * slot's lapse time, ARGV[3] the slot id, ARGV[4] the TTL in ms.
 * Drops lapsed slots, adds this one and returns the live count.
 */
export const ACQUIRE_SLOT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return redis.call('ZCARD', KEYS[1])
`;

/** As ACQUIRE_SLOT_SCRIPT, but only for a slot still live; returns 1 when renewed, else 0. */
export const RENEW_SLOT_SCRIPT = `
local lapsesAt = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not lapsesAt or tonumber(lapsesAt) <= tonumber(ARGV[1]) then
  redis.call('ZREM', KEYS[1], ARGV[3])
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return 1
`;
