import {
  LOAD_BALANCING_METHODS,
  type TPool,
  type TPoolInput,
  type TPoolMemberInput,
} from '@portcullis/contracts';

export const POOL_FORM_ID = 'pool';

export type TLoadBalancingMethod = (typeof LOAD_BALANCING_METHODS)[number];

export type TPoolDraft = {
  name: string;
  description: string;
  loadBalancingMethod: TLoadBalancingMethod;
  monitor: 'NONE' | 'SMTP';
  monitorIntervalSec: string;
  monitorTimeoutSec: string;
};

export const EMPTY_POOL_DRAFT: TPoolDraft = {
  name: '',
  description: '',
  loadBalancingMethod: 'ROUND_ROBIN',
  monitor: 'SMTP',
  monitorIntervalSec: '5',
  monitorTimeoutSec: '16',
};

export const LOAD_BALANCING_LABELS: Record<TLoadBalancingMethod, string> = {
  ROUND_ROBIN: 'Round Robin',
  LEAST_CONNECTIONS: 'Least Connections (member)',
  RATIO: 'Ratio (member)',
};

export const MONITOR_LABELS: Record<TPoolDraft['monitor'], string> = {
  NONE: 'none',
  SMTP: 'smtp',
};

export function draftFromPool(pool: TPool): TPoolDraft {
  return {
    name: pool.name,
    description: pool.description,
    loadBalancingMethod: pool.loadBalancingMethod,
    monitor: pool.monitor,
    monitorIntervalSec: String(pool.monitorIntervalSec),
    monitorTimeoutSec: String(pool.monitorTimeoutSec),
  };
}

// Text that is not a whole number goes as typed, so the API's schema names the field.
function toInt(text: string): number {
  return (/^\d+$/.test(text.trim()) ? Number(text) : text) as number;
}

export function draftToUpdate(draft: TPoolDraft): Omit<TPoolInput, 'members'> {
  return {
    name: draft.name.trim(),
    description: draft.description,
    loadBalancingMethod: draft.loadBalancingMethod,
    monitor: draft.monitor,
    monitorIntervalSec: toInt(draft.monitorIntervalSec),
    monitorTimeoutSec: toInt(draft.monitorTimeoutSec),
  };
}

export function draftToInput(draft: TPoolDraft, members: TPoolMemberInput[]): TPoolInput {
  return { ...draftToUpdate(draft), members };
}

const FIELDS = new Set(Object.keys(EMPTY_POOL_DRAFT));

/** Fields with a place on the pool screen: its own inputs, members' rows, the new member. */
export function isPoolField(path: string): boolean {
  return FIELDS.has(path) || /^(members\.\d+|newMember)\.\w+$/.test(path);
}
