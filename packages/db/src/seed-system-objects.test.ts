import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrismaClient } from './create-prisma-client.ts';
import type { TScratchDatabase } from './create-scratch-database.ts';
import { createTestDatabase } from './create-test-database.ts';
import { INTERNAL_PARAMETER_DEFAULTS } from './internal-parameters.ts';
import { seedSystemObjects, type TSystemDefaults } from './seed-system-objects.ts';
import { TEST_ADMIN_URL } from './test-support.ts';

const DEFAULTS: TSystemDefaults = {
  securityProfileActions: { spf_fail: { alarm: true, block: false } },
  securityProfileSettings: { maxRecipients: 100 },
};

describe('seedSystemObjects', () => {
  let db: TScratchDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;

  before(async () => {
    db = await createTestDatabase({ adminUrl: TEST_ADMIN_URL });
    prisma = createPrismaClient(db.databaseUrl);
  });
  after(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('should create the system objects once', async () => {
    const first = await seedSystemObjects(prisma, DEFAULTS);
    const second = await seedSystemObjects(prisma, () => DEFAULTS);

    assert.ok(first.created.includes('serviceProfile:smtp'));
    assert.ok(first.created.includes('securityProfile:smtp_security'));
    assert.deepEqual(second.created, []);
    assert.equal(await prisma.serviceProfile.count(), 1);
    assert.equal(await prisma.securityProfile.count(), 1);
    assert.equal(await prisma.antivirusOptions.count(), 1);
    assert.equal(await prisma.dnsSettings.count(), 1);
    assert.equal(await prisma.remoteLoggingServer.count(), 1);
    assert.equal(await prisma.internalParameter.count(), INTERNAL_PARAMETER_DEFAULTS.length);
  });

  it('should give the system objects their documented values', async () => {
    const smtp = await prisma.serviceProfile.findUniqueOrThrow({ where: { name: 'smtp' } });
    const security = await prisma.securityProfile.findUniqueOrThrow({
      where: { name: 'smtp_security' },
    });
    const antivirus = await prisma.antivirusOptions.findUniqueOrThrow({ where: { id: 1 } });
    const dns = await prisma.dnsSettings.findUniqueOrThrow({ where: { id: 1 } });
    const logging = await prisma.remoteLoggingServer.findUniqueOrThrow({ where: { id: 1 } });
    const icapUri = await prisma.internalParameter.findUniqueOrThrow({
      where: { name: 'icap_uri' },
    });

    assert.deepEqual([smtp.isSystem, smtp.parentId, smtp.protocolSecurity], [true, null, false]);
    assert.equal(security.isSystem, true);
    assert.deepEqual(security.actions, DEFAULTS.securityProfileActions);
    assert.deepEqual(security.settings, DEFAULTS.securityProfileSettings);
    assert.deepEqual([antivirus.serverPort, antivirus.guaranteeEnforcement], [1344, true]);
    assert.deepEqual([dns.resolvers, dns.timeoutMs], [[], 2000]);
    assert.equal(logging.enabled, false);
    assert.deepEqual([icapUri.value, icapUri.defaultValue], ['avscan', 'avscan']);
  });

  it('should keep what an administrator changed', async () => {
    await prisma.internalParameter.update({
      where: { name: 'icap_uri' },
      data: { value: 'srv_clamav', description: 'stale text' },
    });
    await prisma.antivirusOptions.update({ where: { id: 1 }, data: { serverPort: 11344 } });

    await seedSystemObjects(prisma, DEFAULTS);

    const icapUri = await prisma.internalParameter.findUniqueOrThrow({
      where: { name: 'icap_uri' },
    });
    const antivirus = await prisma.antivirusOptions.findUniqueOrThrow({ where: { id: 1 } });
    assert.equal(icapUri.value, 'srv_clamav');
    assert.notEqual(icapUri.description, 'stale text');
    assert.equal(antivirus.serverPort, 11344);
  });

  it('should not create duplicates when two starts seed at once', async () => {
    await prisma.serviceProfile.deleteMany();
    await prisma.securityProfile.deleteMany();

    await Promise.all([seedSystemObjects(prisma, DEFAULTS), seedSystemObjects(prisma, DEFAULTS)]);

    assert.equal(await prisma.serviceProfile.count(), 1);
    assert.equal(await prisma.securityProfile.count(), 1);
  });
});
