import type { TProfileAssignments } from '@portcullis/contracts';
import type { TDb } from '../../db.ts';
import { AppError } from '../../errors/app-error.ts';
import { getProfileAssignments } from './get-profile-assignments.ts';

type TAssignment = { serviceProfile: string; securityProfile: string };

function assertListedOnce(assignments: TAssignment[]): void {
  const seen = new Set<string>();

  for (const [index, { serviceProfile }] of assignments.entries()) {
    if (seen.has(serviceProfile)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `service profile "${serviceProfile}" is listed twice; list it once`,
        { field: `assignments.${index}.serviceProfile` },
      );
    }
    seen.add(serviceProfile);
  }
}

async function loadIds(db: TDb, assignments: TAssignment[]) {
  const serviceNames = assignments.map((a) => a.serviceProfile);
  const securityNames = assignments.map((a) => a.securityProfile);
  const services = await db.serviceProfile.findMany({ where: { name: { in: serviceNames } } });
  const securities = await db.securityProfile.findMany({ where: { name: { in: securityNames } } });

  return {
    service: new Map(services.map((row) => [row.name, row.id])),
    security: new Map(securities.map((row) => [row.name, row.id])),
  };
}

/**
 * Saves the SMTP rows of Profiles Assignment: each listed service profile is
 * assigned the named security profile; service profiles not listed keep theirs.
 * All or nothing: one unknown name refuses the whole save.
 */
export async function updateSmtpAssignments(
  db: TDb,
  assignments: TAssignment[],
): Promise<TProfileAssignments> {
  assertListedOnce(assignments);
  const ids = await loadIds(db, assignments);

  const bySecurityProfile = new Map<number, number[]>();
  for (const [index, { serviceProfile, securityProfile }] of assignments.entries()) {
    const serviceId = ids.service.get(serviceProfile);
    if (serviceId === undefined) {
      throw new AppError('INVALID_REFERENCE', `no service profile named "${serviceProfile}"`, {
        field: `assignments.${index}.serviceProfile`,
      });
    }
    const securityId = ids.security.get(securityProfile);
    if (securityId === undefined) {
      throw new AppError(
        'INVALID_REFERENCE',
        `no security profile named "${securityProfile}"; create it first or pick another`,
        { field: `assignments.${index}.securityProfile` },
      );
    }
    bySecurityProfile.set(securityId, [...(bySecurityProfile.get(securityId) ?? []), serviceId]);
  }

  for (const [securityProfileId, serviceIds] of bySecurityProfile) {
    await db.serviceProfile.updateMany({
      where: { id: { in: serviceIds } },
      data: { securityProfileId },
    });
  }

  return getProfileAssignments(db);
}
