import type { PrismaClient } from '@portcullis/db';

export type TFilterValues = {
  commonViolation: string;
  rareViolation: string;
  busiestClient: string;
  // The client behind the largest burst: many violations in a few hours, weeks
  // ago, hardly any since. The case that misleads a planner into a slow plan.
  attacker: string;
  attackerNetwork: string;
};

async function one<T>(prisma: PrismaClient, query: Promise<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error('the seeded data set is empty');

  return row;
}

/** Filter values worth timing, read from the seeded rollups. */
export async function pickFilterValues(prisma: PrismaClient): Promise<TFilterValues> {
  const common = await one(prisma, prisma.$queryRaw<Array<{ violation: string }>>`
    SELECT "violation" FROM "ViolationHour" GROUP BY 1 ORDER BY sum("count") DESC LIMIT 1`);
  const rare = await one(prisma, prisma.$queryRaw<Array<{ violation: string }>>`
    SELECT "violation" FROM "ViolationHour" GROUP BY 1 ORDER BY sum("count") ASC LIMIT 1`);
  const busiest = await one(prisma, prisma.$queryRaw<Array<{ address: string }>>`
    SELECT host("clientAddress") AS "address" FROM "ViolationClientHour"
    GROUP BY "clientAddress" ORDER BY sum("count") DESC LIMIT 1`);
  const attacker = await one(prisma, prisma.$queryRaw<Array<{ address: string }>>`
    SELECT host("clientAddress") AS "address" FROM "ViolationClientHour"
    WHERE family("clientAddress") = 4 ORDER BY "count" DESC LIMIT 1`);
  const [a, b] = attacker.address.split('.');

  return {
    commonViolation: common.violation,
    rareViolation: rare.violation,
    busiestClient: busiest.address,
    attacker: attacker.address,
    attackerNetwork: `${a}.${b}.0.0/16`,
  };
}
