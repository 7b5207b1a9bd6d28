// The compile-time check that a TypeBox schema declares exactly a src/model type: response-schemas.ts and
// schemas.ts state the API's shapes a second time (JSON Schema for fastify's validation, serialisation and OpenAPI
// document), and this is what keeps the two declarations from drifting. Checked by `tsc` (build, `npm run
// typecheck`); test/schema-check.test.ts shows it refusing the drifts it must refuse.
//
// Why identity and not assignability both ways ([A] extends [B] and [B] extends [A]): two object types that differ
// only by an optional property are assignable to each other, so a field added to the model as optional (say
// `returnedAt?`) and forgotten in the schema passed, and fastify's serialiser then dropped it from every answer
// without a word. The identity test below (two generic functions compared, which TypeScript does by its internal
// "identical" relation) also tells optional from required, readonly from mutable, and a missing optional field.
import type { Static, TSchema } from 'typebox';

/** true when A and B are the same type: the same properties, each as optional and of the same type. */
export type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/** true when the schema's static type is exactly the model type M. */
export type Mirrors<S extends TSchema, M> = Exact<Static<S>, M>;

/** A statement the compiler checks: `mirrors<Mirrors<typeof XOut, X>>()` does not compile unless they match. */
export const mirrors = <T extends true>(): T | undefined => undefined;
