import { locateJsonError } from '../settings/json-error-location.js';
import { ClientConfigError } from './client-config-error.js';

export type JsonObject = Record<string, unknown>;

/** How the person's file was written, so that our rewrite looks like theirs. */
export interface JsonStyle {
  indent: string;
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  bom: boolean;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a client config. A missing or blank file is an empty object; anything that is not a JSON
 * object (comments included: we cannot keep them) is an error naming the line and column.
 */
export function parseConfig(text: string | undefined, path: string): JsonObject {
  const body = stripBom(text ?? '');
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const at = locateJsonError(body);
    const where = at ? ` at line ${at.line}, column ${at.column} (${at.problem})` : '';
    throw new ClientConfigError(
      'config_malformed',
      `${path} is not valid JSON${where}. TuneBridge left it untouched: fix it (comments are not allowed here), or add the entry by hand.`,
      { path, line: at?.line, column: at?.column, problem: at?.problem },
      { cause: error },
    );
  }
  if (!isJsonObject(parsed)) {
    throw new ClientConfigError(
      'config_shape',
      `${path} holds JSON, but not an object at the top level. TuneBridge left it untouched.`,
      { path },
    );
  }
  return parsed;
}

export function detectStyle(text: string | undefined): JsonStyle {
  const original = text ?? '';
  const indent = /^([ \t]+)["}\]]/m.exec(stripBom(original))?.[1] ?? '  ';
  return {
    indent,
    eol: original.includes('\r\n') ? '\r\n' : '\n',
    finalNewline: original.trim() === '' || /\n$/.test(original),
    bom: original.startsWith('\uFEFF'),
  };
}

export function formatConfig(doc: JsonObject, style: JsonStyle): string {
  let text = JSON.stringify(doc, null, style.indent);
  if (style.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  if (style.finalNewline) text += style.eol;
  return style.bom ? `\uFEFF${text}` : text;
}

/** The server map under `key`, checked; undefined when the file has none yet. */
export function serversIn(doc: JsonObject, key: string, path: string): JsonObject | undefined {
  const servers = doc[key];
  if (servers === undefined || servers === null) return undefined;
  if (!isJsonObject(servers)) {
    throw new ClientConfigError(
      'config_shape',
      `In ${path}, "${key}" is not an object, so TuneBridge cannot add itself without guessing. It left the file untouched.`,
      { path },
    );
  }
  return servers;
}

/**
 * Sets `servers[name]` and touches nothing else. An existing entry keeps its place among the
 * others; the old value is returned.
 */
export function setServer(
  doc: JsonObject,
  key: string,
  name: string,
  entry: JsonObject,
  path: string,
): { doc: JsonObject; previous: unknown } {
  const servers = serversIn(doc, key, path);
  const previous = servers?.[name];
  return { doc: { ...doc, [key]: { ...servers, [name]: entry } }, previous };
}

/** Removes `servers[name]`; undefined when there was nothing to remove. */
export function removeServer(
  doc: JsonObject,
  key: string,
  name: string,
  path: string,
): { doc: JsonObject; previous: unknown } | undefined {
  const servers = serversIn(doc, key, path);
  if (!servers || !Object.hasOwn(servers, name)) return undefined;
  const rest = Object.fromEntries(Object.entries(servers).filter(([other]) => other !== name));
  return { doc: { ...doc, [key]: rest }, previous: servers[name] };
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
