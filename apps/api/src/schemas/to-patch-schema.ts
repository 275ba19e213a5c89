import { z } from 'zod';

type TPatchShape<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};

/**
 * A PATCH body schema from an input schema: every field optional and, unlike
 * `.partial()`, no defaults filled in. With `.partial()` an absent field would come
 * out as its default, so `{ "enabled": false }` would also reset every other field.
 */
export function toPatchSchema<T extends z.ZodRawShape>(input: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, value]) => {
      const field = value as z.ZodType;
      const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
      const optional = inner.optional();

      return [key, field.description ? optional.describe(field.description) : optional];
    }),
  );

  return z.object(shape) as unknown as z.ZodObject<TPatchShape<T>>;
}
