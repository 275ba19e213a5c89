/** For the breadcrumb: "Statistics : Violations » K7Q2M-9XD4F", from the loader's data. */
export function violationObjectName(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('supportId' in data)) return undefined;

  return typeof data.supportId === 'string' ? data.supportId : undefined;
}
