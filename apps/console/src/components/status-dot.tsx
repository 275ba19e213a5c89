import type { TMemberStatus } from '@portcullis/contracts';

export type TStatusTone = 'green' | 'red' | 'grey' | 'blue';

type TStatusDotProps = { tone: TStatusTone; label: string; reason?: string | null };

/** A coloured status dot; the tooltip and the accessible name say what it means. */
export function StatusDot({ tone, label, reason }: TStatusDotProps) {
  const text = reason ? `${label}: ${reason}` : label;

  return (
    <span className={`status-dot status-dot--${tone}`} title={text} role="img" aria-label={text} />
  );
}

type TListenerStatus = 'listening' | 'disabled' | 'error' | 'unknown';

const LISTENER_TONES: Record<TListenerStatus, TStatusTone> = {
  listening: 'green',
  error: 'red',
  disabled: 'grey',
  unknown: 'grey',
};

const LISTENER_LABELS: Record<TListenerStatus, string> = {
  listening: 'Available (listening)',
  error: 'Offline (error)',
  disabled: 'Disabled',
  unknown: 'Unknown',
};

export function ListenerStatusDot(props: { status: TListenerStatus; reason: string | null }) {
  const { status, reason } = props;
  const label = LISTENER_LABELS[status];

  return <StatusDot tone={LISTENER_TONES[status]} label={label} reason={reason} />;
}

const MEMBER_TONES: Record<TMemberStatus, TStatusTone> = {
  up: 'green',
  down: 'red',
  disabled: 'grey',
  unchecked: 'blue',
  unknown: 'grey',
};

const MEMBER_LABELS: Record<TMemberStatus, string> = {
  up: 'Available (up)',
  down: 'Offline (down)',
  disabled: 'Disabled',
  unchecked: 'Unchecked (no health monitor)',
  unknown: 'Unknown',
};

export function MemberStatusDot({ status, name }: { status: TMemberStatus; name?: string }) {
  const label = name ? `${name}: ${MEMBER_LABELS[status]}` : MEMBER_LABELS[status];

  return <StatusDot tone={MEMBER_TONES[status]} label={label} />;
}
