// The slice of a pino logger the checks use, so the package needs no logger of its own.

type TLogMethod = (fields: Record<string, unknown>, message: string) => void;

export interface TPolicyLogger {
  warn: TLogMethod;
  error: TLogMethod;
}

export const SILENT_LOGGER: TPolicyLogger = { warn: () => {}, error: () => {} };
