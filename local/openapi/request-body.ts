/**
 * A route's JSON body schema (from the handler's own zod schema) made readable: every field described,
 * the credentials the body may carry typed as strings, and the earlier revision's snake_case spellings
 * (lib/schemas/aliased-object.ts) marked as such.
 *
 * JSON Schema cannot say "imageId or image_id is required" without an `anyOf` that code generators and
 * Swagger UI ignore, so the document lists camelCase keys as required and marks each snake_case twin
 * `deprecated`: accepted, but not the spelling to use in new code. Which keys are required is found by
 * asking the schema itself: a key is required when the route's valid example without it is refused
 * with a problem at that key.
 */
import * as z from 'zod/mini';
import type { HttpRoute } from '../../functions/routes';
import { type Gaps, describedAs } from './gaps';
import { bodyCredentialDescriptions } from './input-descriptions';
import { jsonSchemaOf, objectProperties } from './json-schema';
import type { SchemaObject } from './openapi-types';

/** `instance_ids` → `instanceIds`. */
function camelCaseOf(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The camelCase key a snake_case key spells the earlier way, when the schema has both. */
function aliasTarget(key: string, properties: Readonly<Record<string, unknown>>): string | undefined {
  const camel = camelCaseOf(key);
  return camel !== key && camel in properties ? camel : undefined;
}

/** Marks snake_case twins in `schema` and every object inside it. */
function markAliases(schema: SchemaObject): SchemaObject {
  const properties = schema.properties;
  const items = schema.items;
  return {
    ...schema,
    ...(properties === undefined
      ? {}
      : {
          properties: Object.fromEntries(
            Object.entries(properties).map(([key, property]) => {
              if (typeof property === 'boolean') return [key, property];
              const camel = aliasTarget(key, properties);
              const marked = markAliases(property);
              return [key, camel === undefined ? marked : { ...marked, description: `The earlier revision’s spelling of ${camel}.`, deprecated: true }];
            }),
          ),
        }),
    ...(items === undefined || typeof items === 'boolean' || Array.isArray(items) ? {} : { items: markAliases(items) }),
  };
}

/** The keys of `example` the schema refuses to do without. */
function requiredKeys(body: z.ZodMiniType, example: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(example).filter((key) => {
    const { [key]: _left, ...without } = example;
    const issues = z.safeParse(body, without).error?.issues ?? [];
    return issues.some((issue) => issue.path[0] === key);
  });
}

/**
 * @example
 * bodySchema(route, stopInstancesBody, { region: 'ap-guangzhou', instanceIds: ['ins-r8hr2upy'] }, gaps)
 * // { type: 'object', properties: { secretId, secretKey, …, region, instanceIds, instance_ids (deprecated), … }, required: ['region', 'instanceIds'], … }
 */
function bodySchema(route: HttpRoute, body: z.ZodMiniType, example: Readonly<Record<string, unknown>> | undefined, gaps: Gaps): SchemaObject {
  const where = `${route.method} ${route.path} body`;
  const schema = markAliases(jsonSchemaOf(body, 'input'));
  const properties = objectProperties(schema, where).map(({ name, schema: property }) => {
    const credential = bodyCredentialDescriptions[name];
    if (credential !== undefined) return [name, { type: 'string', description: credential }];
    if (property.deprecated === true) return [name, property];
    return [name, { ...property, description: describedAs(name, where, gaps).description }];
  });
  if (example === undefined) {
    gaps.push(`${where}: no request example (add one to local/openapi/request-examples.ts)`);
  } else if (!z.safeParse(body, example).success) {
    gaps.push(`${where}: the request example is refused by the route's own schema`);
  }
  return {
    ...schema,
    properties: Object.fromEntries(properties),
    required: example === undefined ? (schema.required ?? []) : requiredKeys(body, example),
  };
}

export { bodySchema, camelCaseOf };
