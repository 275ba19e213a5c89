import type { ReactNode } from 'react';

type TShareBarProps = { count: number; largest: number; children: ReactNode };

/** A count with a bar as long as its share of the largest one; the bar is decoration. */
export function ShareBar({ count, largest, children }: TShareBarProps) {
  const percent = largest > 0 ? Math.max(1, Math.round((count / largest) * 100)) : 0;

  return (
    <div className="share-bar">
      <span className="share-bar__track" aria-hidden="true">
        <span className="share-bar__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="share-bar__count">{children}</span>
    </div>
  );
}
