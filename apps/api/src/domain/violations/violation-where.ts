import { Prisma } from '@portcullis/db';
import type { TViolationQuery } from '../../schemas/violation-schemas.ts';
import { canonicalAddress, parseNetwork } from '../shared/network-address.ts';

type TFilters = Omit<TViolationQuery, 'page' | 'perPage'>;

function clientCondition(value: string): Prisma.Sql {
  const address = canonicalAddress(value);
  // The column is inet: an address or a network is answered from the
  // (clientAddress, time) index, which Postgres also searches for `<<=`.
  if (address !== undefined) return Prisma.sql`"clientAddress" = ${address}::inet`;

  const network = parseNetwork(value);
  const cidr = `${network?.address}/${network?.prefixLength}`;

  return Prisma.sql`"clientAddress" <<= network(${cidr}::inet)`;
}

/** The WHERE clause of a violation search; every filter given narrows it. */
export function violationWhere(filters: TFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
  };

  equal('protocol', filters.protocol);
  equal('violation', filters.violation);
  equal('virtualServer', filters.virtualServer);
  equal('securityProfile', filters.securityProfile);
  equal('serviceProfile', filters.serviceProfile);
  equal('supportId', filters.supportId?.toUpperCase());
  if (filters.clientAddress !== undefined) conditions.push(clientCondition(filters.clientAddress));
  if (filters.from) conditions.push(Prisma.sql`"time" >= ${new Date(filters.from)}`);
  if (filters.to) conditions.push(Prisma.sql`"time" < ${new Date(filters.to)}`);

  return conditions.length > 0
    ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`
    : Prisma.empty;
}
