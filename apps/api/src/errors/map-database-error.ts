import { AppError } from './app-error.ts';

type TKnownRequestError = {
  name: string;
  code: string;
  meta?: Record<string, unknown>;
};

const MODEL_LABELS: Record<string, string> = {
  Pool: 'pool',
  PoolMember: 'pool member',
  VirtualServer: 'virtual server',
  ServiceProfile: 'service profile',
  SecurityProfile: 'security profile',
};

function isKnownRequestError(error: unknown): error is TKnownRequestError {
  if (typeof error !== 'object' || error === null) return false;

  const candidate = error as Partial<TKnownRequestError>;

  return candidate.name === 'PrismaClientKnownRequestError' && typeof candidate.code === 'string';
}

// Prisma 7 with a driver adapter puts the constraint's columns under
// meta.driverAdapterError; the native engine used meta.target. Accept both.
function readUniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);

  const adapterError = meta?.driverAdapterError as
    | { cause?: { constraint?: { fields?: unknown } } }
    | undefined;
  const fields = adapterError?.cause?.constraint?.fields;

  return Array.isArray(fields) ? fields.map((field) => String(field).replaceAll('"', '')) : [];
}

/**
 * Turns the database errors a request can cause into API errors, so no handler
 * repeats this and no driver message reaches a client. Domain functions check
 * names and references first; this catches what slips past them (two requests
 * racing for one name). Returns undefined for faults that are ours (500).
 */
export function mapDatabaseError(error: unknown): AppError | undefined {
  if (!isKnownRequestError(error)) return undefined;

  const model = typeof error.meta?.modelName === 'string' ? error.meta.modelName : '';
  const label = MODEL_LABELS[model] ?? 'object';

  switch (error.code) {
    case 'P2002': {
      const fields = readUniqueFields(error.meta);
      if (fields.includes('name')) {
        return new AppError('NAME_TAKEN', `another ${label} has this name; pick another`, {
          field: 'name',
          cause: error,
        });
      }

      return new AppError('CONFLICT', `another ${label} has the same ${fields.join(', ')}`, {
        cause: error,
      });
    }
    case 'P2025':
      return new AppError('NOT_FOUND', `the ${label} no longer exists`, { cause: error });
    case 'P2003':
      return new AppError('IN_USE', `the ${label} is referenced by another object`, {
        cause: error,
      });
    case 'P2034':
      return new AppError('CONFLICT', 'the change collided with another one; send it again', {
        cause: error,
      });
    default:
      return undefined;
  }
}
