import type { ErrorObject } from 'ajv';
import type { RequestToValidate, SpecValidator } from './openapi-validator.js';

/** Small helpers of the OpenAPI checker (openapi-validator.ts): spec values, request parts, reports. */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function splitPath(path: string): [string, Record<string, string | string[]>] {
  const index = path.indexOf('?');
  if (index < 0) return [path, {}];
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(path.slice(index + 1))) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return [path.slice(0, index), query];
}

export function jsonSchemaOf(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const type =
    Object.keys(content).find((name) => name === 'application/json') ??
    Object.keys(content).find((name) => /[/+]json\b/.test(name));
  const media = type ? content[type] : undefined;
  return isObject(media) ? media.schema : undefined;
}

/** Query and path values arrive as text; give them the type the schema asks for. */
export function coerce(raw: string, schema: unknown): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && Number.isFinite(+raw)) {
    return Number(raw);
  }
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

export function describe(error: ErrorObject): string {
  const at = error.instancePath ? ` ${error.instancePath}` : '';
  const allowed =
    error.keyword === 'enum' && isObject(error.params) && Array.isArray(error.params.allowedValues)
      ? ` (${abbreviate(error.params.allowedValues.map((v) => JSON.stringify(v)))})`
      : '';
  return `${at} ${error.message ?? 'is invalid'}${allowed}`;
}

function abbreviate(values: string[]): string {
  return values.length > 8
    ? `${values.slice(0, 8).join(', ')}, … ${values.length - 8} more`
    : values.join(', ');
}

/** What `spec` finds wrong with the requests under `prefix`, each led by its method and path. */
export function requestProblems(
  spec: SpecValidator,
  requests: readonly RequestToValidate[],
  prefix: string,
): string[] {
  return requests
    .filter((request) => request.path.startsWith(prefix))
    .flatMap(({ method, path, query, body }) =>
      spec
        .validateRequest({ method, path, query, body })
        .map((problem) => `${method} ${path}: ${problem}`),
    );
}
