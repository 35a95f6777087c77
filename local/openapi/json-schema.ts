/**
 * zod/mini schema → OpenAPI 3.1 schema object. OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's
 * default target, so only the top-level `$schema` is dropped (the document fixes the dialect).
 */
import * as z from 'zod/mini';
import type { SchemaObject } from './openapi-types';

/**
 * `io: 'input'` describes what a caller sends (a query integer is a digit string before the schema
 * parses it); `'output'` what the route answers (objects closed with `additionalProperties: false`).
 * Anything JSON Schema cannot express throws, so a schema never silently becomes "anything goes".
 *
 * @example
 * jsonSchemaOf(z.object({ region }), 'input')
 * // { type: 'object', properties: { region: { type: 'string', pattern: '^[a-z]{2,4}-…$' } }, required: ['region'] }
 */
function jsonSchemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): SchemaObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' });
  return rest;
}

/** The properties of an object schema, each with whether it is required. */
function objectProperties(schema: SchemaObject, what: string): { name: string; schema: SchemaObject; required: boolean }[] {
  if (schema.type !== 'object' || schema.properties === undefined) {
    throw new TypeError(`${what} must be a zod object schema`);
  }
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => {
    if (typeof property === 'boolean') {
      throw new TypeError(`${what}: property ${name} has no schema`);
    }
    return { name, schema: property, required: required.has(name) };
  });
}

export { jsonSchemaOf, objectProperties };
