/**
 * Contract checks: does an HTTP answer agree with the OpenAPI document? The end-to-end helper
 * (test/helpers/harness.ts) runs every answer it returns through `assertConformsToDocument`, so any
 * drift between the document and the functions' behaviour fails the test that saw it.
 *
 * @example
 * const problems = builtDocumentValidator().problemsWith({ method: 'GET', path: '/api/regions', status: 200, headers, body });
 * expect(problems).toEqual([]);
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { httpRoutes } from '../../functions/routes';
import { isDocumentationPath } from '../../local/harness/docs-routes';
import type { OpenApiDocument, ReferenceObject, ResponseObject, SchemaObject } from '../../local/openapi/openapi-types';

/** One answer as a test saw it. */
export interface ObservedAnswer {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, `undefined` when empty. */
  readonly body: unknown;
}

export interface OpenApiValidator {
  readonly document: OpenApiDocument;
  /** Every way the answer departs from the document; `[]` when it conforms. */
  problemsWith(answer: ObservedAnswer): string[];
}

export const BUILT_DOCUMENT_PATH = join(resolve(__dirname, '..', '..'), 'dist', 'openapi.json');

/** Follows a local `#/…` JSON pointer inside the document. */
function resolvePointer(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined), document);
}

function isReference(value: object): value is ReferenceObject {
  return '$ref' in value;
}

function createOpenApiValidator(document: OpenApiDocument): OpenApiValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const compiled = new Map<SchemaObject | ReferenceObject, ValidateFunction>();

  function schemaFor(schemaOrRef: SchemaObject | ReferenceObject): SchemaObject {
    return isReference(schemaOrRef) ? (resolvePointer(document, schemaOrRef.$ref) as SchemaObject) : schemaOrRef;
  }

  function validatorFor(schemaOrRef: SchemaObject | ReferenceObject): ValidateFunction {
    let validate = compiled.get(schemaOrRef);
    if (validate === undefined) {
      validate = ajv.compile(schemaFor(schemaOrRef));
      compiled.set(schemaOrRef, validate);
    }
    return validate;
  }

  function responseFor(responseOrRef: ResponseObject | ReferenceObject): ResponseObject {
    return isReference(responseOrRef) ? (resolvePointer(document, responseOrRef.$ref) as ResponseObject) : responseOrRef;
  }

  /** Content type, required headers and body of `answer` against one documented response. */
  function bodyProblems(answer: ObservedAnswer, response: ResponseObject, label: string): string[] {
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required === true && answer.headers.get(name) === null) problems.push(`${label}: header ${name} is missing`);
    }
    const media = response.content?.['application/json'];
    if (media === undefined) {
      if (answer.body !== undefined) problems.push(`${label}: a body was sent, the document describes none`);
      return problems;
    }
    const contentType = answer.headers.get('content-type') ?? '';
    if (!contentType.startsWith('application/json')) problems.push(`${label}: content-type is "${contentType}", not application/json`);
    const validate = validatorFor(media.schema);
    if (!validate(answer.body)) {
      for (const error of validate.errors ?? []) {
        problems.push(`${label}: body${error.instancePath} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`);
      }
    }
    return problems;
  }

  function problemsWith(answer: ObservedAnswer): string[] {
    const method = answer.method.toUpperCase();
    const label = `${method} ${answer.path} → ${answer.status}`;
    if (isDocumentationPath(answer.path)) return [];
    const pathItem = document.paths[answer.path];
    if (pathItem === undefined) {
      const route = httpRoutes.find((candidate) => candidate.path === answer.path);
      if (route !== undefined) return [`${label}: route ${route.functionName} has no operation in the document (add it to functions/route-schemas.ts)`];
      // Outside the API: the harness (API Gateway) answers 404 in the contract's error body.
      if (answer.status !== 404) return [`${label}: the path is not in the document, so the answer must be 404`];
      return bodyProblems(answer, responseFor({ $ref: '#/components/responses/NotFound' }), label);
    }
    const documentedMethods = Object.keys(pathItem).map((key) => key.toUpperCase());
    const operation = pathItem[method.toLowerCase() as keyof typeof pathItem];
    if (operation === undefined) {
      const expectedAllow = [...documentedMethods, 'OPTIONS'].join(', ');
      const allowProblems =
        answer.headers.get('allow') === expectedAllow ? [] : [`${label}: Allow is "${answer.headers.get('allow')}", the document says "${expectedAllow}"`];
      if (method === 'OPTIONS') return answer.status === 204 ? allowProblems : [`${label}: OPTIONS must answer 204`];
      if (answer.status !== 405) return [`${label}: ${method} is not documented for the path, so the answer must be 405`];
      return [...allowProblems, ...bodyProblems(answer, responseFor({ $ref: '#/components/responses/MethodNotAllowed' }), label)];
    }
    const documented = operation.responses[String(answer.status)];
    if (documented === undefined) {
      return [`${label}: status ${answer.status} is not documented for ${operation.operationId} (documented: ${Object.keys(operation.responses).join(', ')})`];
    }
    return bodyProblems(answer, responseFor(documented), label);
  }

  return { document, problemsWith };
}

let builtValidator: OpenApiValidator | undefined;

/** The validator for dist/openapi.json, the document `npm run build` wrote and the harness serves. */
function builtDocumentValidator(): OpenApiValidator {
  if (builtValidator === undefined) {
    const document = JSON.parse(readFileSync(BUILT_DOCUMENT_PATH, 'utf8')) as OpenApiDocument;
    builtValidator = createOpenApiValidator(document);
  }
  return builtValidator;
}

/** Throws, listing every problem, when the answer departs from dist/openapi.json. */
function assertConformsToDocument(answer: ObservedAnswer): void {
  const problems = builtDocumentValidator().problemsWith(answer);
  if (problems.length > 0) {
    throw new Error(`the answer departs from the OpenAPI document (dist/openapi.json):\n  ${problems.join('\n  ')}`);
  }
}

export { assertConformsToDocument, builtDocumentValidator, createOpenApiValidator };
