export type TProfileRow = {
  id: number;
  parentId: number | null;
  protocolSecurity: boolean | null;
  securityProfileId: number | null;
};

export type TResolvedProfile = {
  protocolSecurity: boolean;
  securityProfileId: number | null;
};

/**
 * Applies service-profile inheritance: a null setting takes the parent's value,
 * up to the root (the system `smtp` profile), where an unset Protocol Security is
 * off. The security profile assignment inherits the same way; with none anywhere
 * on the chain, the first-listed security profile applies, as on the appliance.
 */
export function resolveProfileSettings(
  rows: TProfileRow[],
  firstSecurityProfileId: number | null,
): Map<number, TResolvedProfile> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const resolved = new Map<number, TResolvedProfile>();

  for (const row of rows) {
    let protocolSecurity: boolean | null = null;
    let securityProfileId: number | null = null;
    const seen = new Set<number>();

    // `seen` stops a damaged chain (a cycle) from looping forever.
    for (let at = byId.get(row.id); at && !seen.has(at.id); at = byId.get(at.parentId ?? -1)) {
      seen.add(at.id);
      protocolSecurity ??= at.protocolSecurity;
      securityProfileId ??= at.securityProfileId;
    }

    resolved.set(row.id, {
      protocolSecurity: protocolSecurity ?? false,
      securityProfileId: securityProfileId ?? firstSecurityProfileId,
    });
  }

  return resolved;
}
