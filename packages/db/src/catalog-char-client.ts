import pg from 'pg';

// Postgres' internal one-byte `"char"` type. The schema engine reads catalog
// columns of this type (pg_constraint.contype, confdeltype...) when it describes
// a database, and @prisma/adapter-pg 7.10 has no mapping for it: every describe
// fails with "Column type 'char' could not be deserialized". Its text form is the
// character itself, so reporting the column as `text` is lossless.
// TODO(db-adapter-upgrade): drop this client once adapter-pg maps OID 18.
const CHAR_OID = 18;
const TEXT_OID = 25;

type TQueryFn = (...args: unknown[]) => unknown;
type TCallback = (error: unknown, result: unknown) => void;

function relabelFields(result: unknown): unknown {
  const results = Array.isArray(result) ? result : [result];
  for (const one of results as Array<{ fields?: Array<{ dataTypeID: number }> }>) {
    for (const field of one?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }

  return result;
}

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function relabelQuery(query: TQueryFn, args: unknown[]): unknown {
  const last = args.at(-1);
  if (typeof last === 'function') {
    const callback = last as TCallback;
    args[args.length - 1] = (error: unknown, result: unknown) =>
      callback(error, error ? result : relabelFields(result));

    return query(...args);
  }
  const result = query(...args);

  return isThenable(result) ? result.then(relabelFields) : result;
}

/** A pg client whose results report `"char"` columns as `text`. For pool configs. */
export class CatalogCharClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as TQueryFn;
    Object.assign(this, { query: (...args: unknown[]) => relabelQuery(query, args) });
  }
}
