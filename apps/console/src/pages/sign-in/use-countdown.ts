import { useEffect, useState } from 'react';

const TICK_MS = 1_000;

/** Whole seconds left until `until` (epoch ms), counting down once a second. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);

    return () => clearInterval(timer);
  }, [until]);

  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / TICK_MS));
}
