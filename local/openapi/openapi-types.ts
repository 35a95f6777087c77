/**
 * The part of the OpenAPI 3.1 object model (https://spec.openapis.org/oas/v3.1.0) this project's
 * document uses. Schema objects are JSON Schema 2020-12, as zod's `toJSONSchema` writes them.
 */
import type * as z from 'zod/mini';

export type SchemaObject = z.core.JSONSchema.BaseSchema;

export interface ReferenceObject {
  readonly $ref: string;
}

export interface MediaTypeObject {
  readonly schema: SchemaObject | ReferenceObject;
}

export interface HeaderObject {
  readonly description: string;
  readonly required?: boolean;
  readonly schema: SchemaObject;
}

export interface ResponseObject {
  readonly description: string;
  readonly headers?: Readonly<Record<string, HeaderObject>>;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: 'query' | 'header' | 'path';
  readonly description: string;
  readonly required: boolean;
  readonly schema: SchemaObject;
  readonly example?: string;
}

export interface RequestBodyObject {
  readonly description: string;
  readonly required: boolean;
  readonly content: Readonly<Record<string, MediaTypeObject>>;
}

/** Each entry is one way to authenticate; the schemes named inside an entry are used together. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface OperationObject {
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly security: readonly SecurityRequirement[];
  readonly parameters: readonly (ParameterObject | ReferenceObject)[];
  readonly requestBody?: RequestBodyObject;
  readonly responses: Readonly<Record<string, ResponseObject | ReferenceObject>>;
}

export type HttpMethodKey = 'get' | 'post' | 'put';

export type PathItemObject = Partial<Readonly<Record<HttpMethodKey, OperationObject>>>;

export type SecuritySchemeObject =
  | { readonly type: 'http'; readonly scheme: 'basic'; readonly description: string }
  | { readonly type: 'apiKey'; readonly in: 'query' | 'header'; readonly name: string; readonly description: string };

export interface ServerObject {
  readonly url: string;
  readonly description: string;
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly ServerObject[];
  readonly paths: Readonly<Record<string, PathItemObject>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, SchemaObject>>;
    readonly responses: Readonly<Record<string, ResponseObject>>;
    readonly parameters: Readonly<Record<string, ParameterObject>>;
    readonly securitySchemes: Readonly<Record<string, SecuritySchemeObject>>;
  };
}
