import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { compilePath, literalFirst } from '../../sandbox/server/route-path.js';
import {
  coerce,
  describe,
  isObject,
  jsonSchemaOf,
  splitPath,
  type JsonObject,
} from './openapi-values.js';

/**
 * Checks requests and responses against the vendored provider specs (`specs/*.subset.json`), so
 * the sandbox, the host's API proxy and the tools are held to what Spotify and TIDAL document
 * rather than to what we believe they do.
 */

export type SpecProvider = 'spotify' | 'tidal';

export interface RequestToValidate {
  method: string;
  /** Full request path as sent, with the version prefix: `/v1/search`, `/v2/users/me`. */
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

export interface ResponseToValidate {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export { requestProblems } from './openapi-values.js';

export interface SpecValidator {
  /** Human-readable problems; an empty array means the request is one the spec documents. */
  validateRequest(req: RequestToValidate): string[];
  validateResponse(res: ResponseToValidate): string[];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  explode?: boolean;
  schema?: JsonObject;
}

interface MatchedOperation {
  label: string;
  operation: JsonObject;
  parameters: Parameter[];
  pathParams: Record<string, string>;
}

const SPEC_FILES: Record<SpecProvider, string> = {
  spotify: 'spotify-web-api.subset.json',
  tidal: 'tidal-api.subset.json',
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const MAX_PROBLEMS = 20;
const cache = new Map<SpecProvider, SpecValidator>();

export function loadSpecValidator(provider: SpecProvider): SpecValidator {
  let validator = cache.get(provider);
  if (!validator) {
    const file = new URL(`../../specs/${SPEC_FILES[provider]}`, import.meta.url);
    validator = new OpenApiValidator(
      provider,
      JSON.parse(readFileSync(file, 'utf8')) as JsonObject,
    );
    cache.set(provider, validator);
  }
  return validator;
}

// ajv-formats is CommonJS; under NodeNext its plugin is the `default` member of the module.
const addFormats = formatsModule.default;

class OpenApiValidator implements SpecValidator {
  private readonly ajv: Ajv;
  private readonly schemaBase: string;
  private readonly basePath: string;
  private readonly routes: Array<{ template: string; regex: RegExp; names: string[] }>;
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  constructor(
    private readonly provider: SpecProvider,
    private readonly spec: JsonObject,
  ) {
    this.schemaBase = `https://tunebridge.invalid/specs/${provider}.json`;
    const servers = Array.isArray(spec.servers) ? spec.servers : [];
    const serverUrl = isObject(servers[0]) ? String(servers[0].url) : 'https://invalid/';
    this.basePath = new URL(serverUrl).pathname.replace(/\/$/, '');

    // Strict, so a conversion mistake fails loudly; the TIDAL spec lists some required
    // properties it never defines, which is legal JSON Schema.
    this.ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      allowUnionTypes: true,
    });
    addFormats(this.ajv);
    // OpenAPI's numeric formats only say how wide the number is; check what can be checked.
    const int = (bits: number) => (n: number) =>
      Number.isInteger(n) && Math.abs(n) <= 2 ** (bits - 1);
    this.ajv.addFormat('int32', { type: 'number', validate: int(32) });
    this.ajv.addFormat('int64', { type: 'number', validate: int(64) });
    this.ajv.addFormat('float', { type: 'number', validate: Number.isFinite });
    this.ajv.addFormat('double', { type: 'number', validate: Number.isFinite });
    const components = isObject(spec.components) ? spec.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    const definitions: JsonObject = {};
    for (const [name, schema] of Object.entries(schemas)) definitions[name] = this.convert(schema);
    this.ajv.addSchema({ $id: this.schemaBase, definitions });

    const paths = isObject(spec.paths) ? spec.paths : {};
    this.routes = Object.keys(paths)
      .map((template) => ({ template, ...compilePath(template) }))
      .sort(literalFirst);
  }

  validateRequest(req: RequestToValidate): string[] {
    const [path, queryFromPath] = splitPath(req.path);
    const query = { ...queryFromPath, ...(req.query ?? {}) };
    const matched = this.match(req.method, path);
    if (typeof matched === 'string') return [matched];
    const problems: string[] = [];
    const where = matched.label;

    for (const param of matched.parameters) {
      if (param.in === 'path') {
        const raw = matched.pathParams[param.name];
        if (raw !== undefined)
          this.checkValue(problems, where, `path parameter "${param.name}"`, param, raw);
      } else if (param.in === 'query') {
        const raw = query[param.name];
        if (raw === undefined) {
          if (param.required)
            problems.push(`${where}: query parameter "${param.name}" is required`);
          continue;
        }
        this.checkValue(problems, where, `query parameter "${param.name}"`, param, raw);
      }
    }
    const declared = new Set(matched.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(query)) {
      if (!declared.has(name))
        problems.push(`${where}: query parameter "${name}" is not documented`);
    }

    const requestBody = this.deref(matched.operation.requestBody);
    if (req.body !== undefined && !isObject(requestBody)) {
      problems.push(`${where}: takes no request body`);
    } else if (isObject(requestBody)) {
      if (req.body === undefined) {
        if (requestBody.required === true) problems.push(`${where}: a request body is required`);
      } else {
        const schema = jsonSchemaOf(requestBody.content);
        if (schema) this.checkSchema(problems, `${where}: request body`, schema, req.body);
      }
    }
    return problems.slice(0, MAX_PROBLEMS);
  }

  validateResponse(res: ResponseToValidate): string[] {
    const [path] = splitPath(res.path);
    const matched = this.match(res.method, path);
    if (typeof matched === 'string') return [matched];
    const where = `${matched.label} → ${res.status}`;
    const responses = isObject(matched.operation.responses) ? matched.operation.responses : {};
    const documented =
      responses[String(res.status)] ??
      responses[`${Math.floor(res.status / 100)}XX`] ??
      responses.default;
    if (documented === undefined) {
      const listed = Object.keys(responses).join(', ');
      return [`${where}: status ${res.status} is not documented (documented: ${listed})`];
    }
    const response = this.deref(documented);
    const content = isObject(response) ? response.content : undefined;
    const schema = jsonSchemaOf(content);
    const empty = res.body === undefined || res.body === null || res.body === '';
    if (!schema) {
      return empty ? [] : [`${where}: documented without a body, but one was sent`];
    }
    if (empty) return [`${where}: a body is documented, but none was sent`];
    const problems: string[] = [];
    this.checkSchema(problems, `${where}: body`, schema, res.body);
    return problems.slice(0, MAX_PROBLEMS);
  }

  private match(method: string, path: string): MatchedOperation | string {
    const verb = method.toLowerCase();
    const label = `${method.toUpperCase()} ${path}`;
    const name = this.provider === 'spotify' ? 'Spotify' : 'TIDAL';
    if (!path.startsWith(`${this.basePath}/`)) {
      return `${label}: ${name} API paths start with ${this.basePath}/`;
    }
    const relative = path.slice(this.basePath.length);
    const paths = this.spec.paths as JsonObject;
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.regex.exec(relative);
      if (!found) continue;
      pathMatched = true;
      const item = paths[route.template];
      const operation = isObject(item) ? item[verb] : undefined;
      if (!METHODS.includes(verb) || !isObject(item) || !isObject(operation)) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((paramName, index) => {
        pathParams[paramName] = decodeURIComponent(found[index + 1] ?? '');
      });
      return {
        label,
        operation,
        parameters: this.parameters(item.parameters, operation.parameters),
        pathParams,
      };
    }
    return pathMatched
      ? `${label}: the vendored ${name} spec documents this path, but not for ${method.toUpperCase()}`
      : `${label}: not an operation in the vendored ${name} spec (add it to scripts/vendor-specs.ts)`;
  }

  private parameters(pathLevel: unknown, operationLevel: unknown): Parameter[] {
    const byKey = new Map<string, Parameter>();
    for (const list of [pathLevel, operationLevel]) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const param = this.deref(entry);
        if (isObject(param) && typeof param.name === 'string' && typeof param.in === 'string') {
          byKey.set(`${param.in}:${param.name}`, param as unknown as Parameter);
        }
      }
    }
    return [...byKey.values()];
  }

  /** Follows `#/components/...` references between OpenAPI objects (not schemas). */
  private deref(value: unknown): unknown {
    let current = value;
    for (let depth = 0; isObject(current) && typeof current.$ref === 'string'; depth += 1) {
      if (depth > 10) throw new Error(`Reference loop at ${current.$ref}`);
      const parts = current.$ref.replace(/^#\//, '').split('/');
      let target: unknown = this.spec;
      for (const part of parts) {
        target = isObject(target)
          ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined;
      }
      current = target;
    }
    return current;
  }

  private checkValue(
    problems: string[],
    where: string,
    what: string,
    param: Parameter,
    raw: string | string[],
  ): void {
    const schema = param.schema ?? {};
    const resolved = this.deref(schema);
    const type = isObject(resolved) ? resolved.type : undefined;
    let value: unknown;
    if (type === 'array') {
      const items = isObject(resolved) ? this.deref(resolved.items) : undefined;
      const parts = Array.isArray(raw) ? raw : [raw];
      // Query parameters default to style=form, explode=true (repeated names); explode=false
      // means one comma-separated value. TIDAL documents commas for its exploded `include` too.
      if (param.explode === false && parts.length > 1) {
        problems.push(`${where}: ${what} must be sent once, as a comma-separated list`);
        return;
      }
      value = parts.flatMap((part) => part.split(',')).map((part) => coerce(part, items));
    } else {
      if (Array.isArray(raw)) {
        if (raw.length !== 1) {
          problems.push(`${where}: ${what} must be sent once`);
          return;
        }
        raw = raw[0] ?? '';
      }
      value = coerce(raw, resolved);
    }
    this.checkSchema(problems, `${where}: ${what}`, schema, value);
  }

  private checkSchema(problems: string[], where: string, schema: unknown, value: unknown): void {
    const validate = this.validatorFor(schema);
    if (validate(value)) return;
    for (const error of validate.errors ?? []) problems.push(`${where}${describe(error)}`);
  }

  private validatorFor(schema: unknown): ValidateFunction {
    const key = isObject(schema) ? schema : { schema };
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(this.convert(schema) as JsonObject);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** An OpenAPI 3.0 schema object as JSON Schema draft-07, with refs pointing at the spec's. */
  private convert(schema: unknown): unknown {
    if (!isObject(schema)) return schema;
    if (typeof schema.$ref === 'string') {
      const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
      if (!name) throw new Error(`Unsupported schema reference ${schema.$ref}`);
      return { $ref: `${this.schemaBase}#/definitions/${name}` };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'nullable' || key === 'discriminator' || key === 'example') continue;
      if (key === 'xml' || key === 'externalDocs' || key.startsWith('x-')) continue;
      if (key === 'properties' || key === 'patternProperties') {
        out[key] = Object.fromEntries(
          Object.entries(value as JsonObject).map(([name, sub]) => [name, this.convert(sub)]),
        );
      } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
        out[key] = (value as unknown[]).map((sub) => this.convert(sub));
      } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
        out[key] = this.convert(value);
      } else {
        out[key] = value;
      }
    }
    const discriminator = schema.discriminator;
    const mapping = isObject(discriminator) ? this.discriminatorMapping(schema) : undefined;
    if (isObject(discriminator) && mapping) {
      // TIDAL's resource types share one loose shape (`type: string`), so oneOf would match many
      // branches, and a failed oneOf buries the real problem among the other branches' errors;
      // the discriminator says which one schema a given `type` value must satisfy.
      const property = String(discriminator.propertyName);
      delete out.oneOf;
      const branches = mapping.map(([value, ref]) => ({
        if: { required: [property], properties: { [property]: { const: value } } },
        then: this.convert({ $ref: ref }),
      }));
      const known = {
        required: [property],
        properties: { [property]: { enum: mapping.map(([value]) => value) } },
      };
      out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), known, ...branches];
    }
    if (schema.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  }

  /** The explicit mapping, else each branch's single `enum` value for the property. */
  private discriminatorMapping(schema: JsonObject): Array<[string, string]> | undefined {
    const discriminator = schema.discriminator as JsonObject;
    if (isObject(discriminator.mapping)) {
      return Object.entries(discriminator.mapping).map(([value, ref]) => [value, String(ref)]);
    }
    if (!Array.isArray(schema.oneOf)) return undefined;
    const property = String(discriminator.propertyName);
    const pairs: Array<[string, string]> = [];
    for (const branch of schema.oneOf) {
      const ref = isObject(branch) ? branch.$ref : undefined;
      if (typeof ref !== 'string') return undefined;
      const value = this.constantOf(this.deref(branch), property);
      if (value === undefined) return undefined;
      pairs.push([value, ref]);
    }
    return pairs;
  }

  private constantOf(schema: unknown, property: string): string | undefined {
    if (!isObject(schema)) return undefined;
    const own = isObject(schema.properties) ? this.deref(schema.properties[property]) : undefined;
    if (isObject(own) && Array.isArray(own.enum) && own.enum.length === 1) {
      return String(own.enum[0]);
    }
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const found = this.constantOf(this.deref(part), property);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
