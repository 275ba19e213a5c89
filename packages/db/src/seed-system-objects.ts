import { Prisma, type PrismaClient } from './generated/prisma/client.ts';
import { INTERNAL_PARAMETER_DEFAULTS } from './internal-parameters.ts';

/** Contents of the system security profile; shaped and validated by the contracts package. */
export interface TSystemDefaults {
  securityProfileActions: unknown;
  securityProfileSettings: unknown;
}

export interface TSeedResult {
  /** What this call created, e.g. `serviceProfile:smtp`; empty when all existed. */
  created: string[];
}

export const SYSTEM_SERVICE_PROFILE = 'smtp';
export const SYSTEM_SECURITY_PROFILE = 'smtp_security';

// Round-trips through JSON so Prisma stores exactly what JSON can hold, and a
// missing value fails here rather than as an opaque query error.
function toJson(value: unknown, what: string): Prisma.InputJsonValue {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what} is not JSON`);

  return JSON.parse(text) as Prisma.InputJsonValue;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

// Look first, so a routine start does not burn an autoincrement id on a
// conflicting insert; a concurrent start may still win the race, which is fine.
async function createIfMissing(
  exists: () => Promise<unknown>,
  create: () => Promise<unknown>,
): Promise<boolean> {
  if (await exists()) return false;

  try {
    await create();

    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function seedProfiles(prisma: PrismaClient, defaults: TSystemDefaults): Promise<string[]> {
  const created: string[] = [];
  const serviceProfile = { name: SYSTEM_SERVICE_PROFILE, isSystem: true, protocolSecurity: false };
  const securityProfile = {
    name: SYSTEM_SECURITY_PROFILE,
    isSystem: true,
    actions: toJson(defaults.securityProfileActions, 'securityProfileActions'),
    settings: toJson(defaults.securityProfileSettings, 'securityProfileSettings'),
  };

  const where = { name: SYSTEM_SERVICE_PROFILE };
  const isNewService = await createIfMissing(
    () => prisma.serviceProfile.findUnique({ where }),
    () => prisma.serviceProfile.create({ data: serviceProfile }),
  );
  if (isNewService) created.push(`serviceProfile:${SYSTEM_SERVICE_PROFILE}`);

  const isNewSecurity = await createIfMissing(
    () => prisma.securityProfile.findUnique({ where: { name: SYSTEM_SECURITY_PROFILE } }),
    () => prisma.securityProfile.create({ data: securityProfile }),
  );
  if (isNewSecurity) created.push(`securityProfile:${SYSTEM_SECURITY_PROFILE}`);

  return created;
}

// Rows with fixed keys: ON CONFLICT DO NOTHING is idempotent and race-free.
async function seedFixedRows(prisma: PrismaClient): Promise<string[]> {
  const skipDuplicates = true;
  const [antivirus, dns, logging, parameters] = await prisma.$transaction([
    prisma.antivirusOptions.createMany({
      data: [{ id: 1, serverPort: 1344, guaranteeEnforcement: true }],
      skipDuplicates,
    }),
    // No resolvers: the worker uses the system's own.
    prisma.dnsSettings.createMany({
      data: [{ id: 1, resolvers: [], timeoutMs: 2000 }],
      skipDuplicates,
    }),
    prisma.remoteLoggingServer.createMany({ data: [{ id: 1, enabled: false }], skipDuplicates }),
    prisma.internalParameter.createMany({
      data: INTERNAL_PARAMETER_DEFAULTS.map((p) => ({ ...p, value: p.defaultValue })),
      skipDuplicates,
    }),
  ]);

  const created: string[] = [];
  if (antivirus.count) created.push('antivirusOptions:1');
  if (dns.count) created.push('dnsSettings:1');
  if (logging.count) created.push('remoteLoggingServer:1');
  if (parameters.count) created.push(`internalParameters:${parameters.count}`);

  return created;
}

// The default and description of a parameter belong to the release, so a newer
// release updates them; the administrator's value is never touched.
async function refreshParameterTexts(prisma: PrismaClient): Promise<void> {
  for (const { name, defaultValue, description } of INTERNAL_PARAMETER_DEFAULTS) {
    await prisma.internalParameter.updateMany({
      where: { name, NOT: { defaultValue, description } },
      data: { defaultValue, description },
    });
  }
}

/**
 * Creates the objects every Portcullis system has, when missing: the `smtp`
 * service profile, the `smtp_security` security profile (contents from
 * `defaults`), the single anti-virus, DNS and remote-logging rows, and the
 * internal parameters. Run at every start; never changes what exists, except
 * refreshing the release-owned texts of internal parameters.
 */
export async function seedSystemObjects(
  prisma: PrismaClient,
  defaults: TSystemDefaults | (() => TSystemDefaults),
): Promise<TSeedResult> {
  const resolved = typeof defaults === 'function' ? defaults() : defaults;
  const created = [...(await seedProfiles(prisma, resolved)), ...(await seedFixedRows(prisma))];
  await refreshParameterTexts(prisma);

  return { created };
}
