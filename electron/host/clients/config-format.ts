import { JsoncDocument, type JsonDialect, type JsonObject } from './jsonc-edit.js';
import { TomlDocument } from './toml-edit.js';

export type { JsonObject } from './jsonc-edit.js';

/**
 * How one client's config file is read and edited: which top-level object maps server names to
 * entries, and in which language. Every edit changes only the one named entry.
 */
export interface ConfigFormat {
  /** The server map as the client reads it (undefined when absent); throws ClientConfigError. */
  servers(text: string | undefined, path: string): JsonObject | undefined;
  set(
    text: string | undefined,
    name: string,
    entry: JsonObject,
    path: string,
  ): { text: string; previous: unknown };
  /** Undefined when there was no such entry. */
  remove(
    text: string | undefined,
    name: string,
    path: string,
  ): { text: string; previous: unknown } | undefined;
  /** The entry as a person would paste it into an empty file. */
  snippet(name: string, entry: JsonObject): string;
}

export function jsonFormat(serversKey: string, dialect: JsonDialect): ConfigFormat {
  return {
    servers: (text, path) => new JsoncDocument(text, path, dialect).objectAt(serversKey),
    set: (text, name, entry, path) =>
      new JsoncDocument(text, path, dialect).set(serversKey, name, entry),
    remove: (text, name, path) => new JsoncDocument(text, path, dialect).remove(serversKey, name),
    snippet: (name, entry) => JSON.stringify({ [serversKey]: { [name]: entry } }, null, 2),
  };
}

export function tomlFormat(tableKey: string): ConfigFormat {
  return {
    servers: (text, path) => new TomlDocument(text, path).objectAt(tableKey),
    set: (text, name, entry, path) => new TomlDocument(text, path).set(tableKey, name, entry),
    remove: (text, name, path) => new TomlDocument(text, path).remove(tableKey, name),
    snippet: (name, entry) => new TomlDocument('', '').set(tableKey, name, entry).text.trimEnd(),
  };
}
