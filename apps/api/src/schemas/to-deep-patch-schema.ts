import { z } from 'zod';

/** Every field optional at every depth of nested objects; arrays and values stay whole. */
export type TDeepPatch<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: TDeepPatch<T[K]> }
    : T;

function toDeepPatchField(field: z.ZodType): z.ZodType {
  const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
  const patched = inner instanceof z.ZodObject ? toDeepPatchSchema(inner) : inner;
  const optional = patched.optional();
  const description = field.description ?? inner.description;

  return description ? optional.describe(description) : optional;
}

/**
 * A PATCH body schema for nested settings: like toPatchSchema, but nested objects
 * become patches too, so `{ settings: { greylisting: { holdSeconds: 60 } } }` names
 * one setting and leaves its neighbours alone. No defaults are filled in at any
 * depth; each value keeps its own rules (ranges, patterns) and description.
 */
export function toDeepPatchSchema<T extends z.ZodObject>(
  input: T,
): z.ZodType<TDeepPatch<z.output<T>>> {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, value]) => [key, toDeepPatchField(value as z.ZodType)]),
  );

  return z.object(shape) as unknown as z.ZodType<TDeepPatch<z.output<T>>>;
}
