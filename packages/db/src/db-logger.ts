/**
 * The slice of a pino logger this package uses. Callers pass their pino instance
 * (or a child of it); tests pass a silent stub. Fields first, message second.
 */
export type TLogFn = (fields: Record<string, unknown>, message: string) => void;

export interface DbLogger {
  debug: TLogFn;
  info: TLogFn;
  warn: TLogFn;
  error: TLogFn;
}

const ignore: TLogFn = () => undefined;

/** A logger that drops everything, for tests and quiet helpers. */
export const SILENT_LOGGER: DbLogger = {
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};
