import type { TPoolMemberFields } from '../../schemas/pool-schemas.ts';

/** Database fields of a pool member; the node name defaults to the address. */
export function toMemberData(member: TPoolMemberFields) {
  return {
    nodeName: member.nodeName ?? member.address,
    address: member.address,
    servicePort: member.servicePort,
    ratio: member.ratio,
    enabled: member.enabled,
  };
}
