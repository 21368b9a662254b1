import { isDeepStrictEqual } from 'node:util';
import { parse, TomlError } from 'smol-toml';
import { ClientConfigError } from './client-config-error.js';

type Table = Record<string, unknown>;

const ANY_HEADER = /^[ \t]*\[/;
const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Edits one `[<key>.<name>]` table of a TOML file (Codex CLI's `[mcp_servers.<name>]`) and leaves
 * every other byte as it was. smol-toml parses the file before and after; our table is found and
 * cut line by line, and the edit is kept only if the parsed result differs from the old one in
 * our table alone, so a layout this can't follow is refused rather than guessed at.
 */
export class TomlDocument {
  private readonly text: string;
  private readonly doc: Table;
  private readonly eol: string;

  constructor(
    text: string | undefined,
    private readonly path: string,
  ) {
    this.text = text ?? '';
    this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    try {
      this.doc = parse(this.text) as Table;
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      const problem = /: ([^\n]*)/.exec(error.message)?.[1] ?? 'invalid TOML';
      throw new ClientConfigError(
        'config_malformed',
        `${path} is not valid TOML at line ${error.line}, column ${error.column} (${problem}). TuneBridge left it untouched: fix it, or add the entry by hand.`,
        { path, line: error.line, column: error.column, problem },
        { cause: error },
      );
    }
  }

  /** The table under `key`, or undefined when the file has none. */
  objectAt(key: string): Table | undefined {
    const value = this.doc[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ClientConfigError(
        'config_shape',
        `In ${this.path}, "${key}" is not a table, so TuneBridge cannot add itself without guessing. It left the file untouched.`,
        { path: this.path },
      );
    }
    return value as Table;
  }

  set(key: string, name: string, value: Table): { text: string; previous: unknown } {
    const previous = this.objectAt(key)?.[name];
    const lines = this.lines();
    const blocks = this.blocks(lines, key, name);
    const table = this.render(key, name, value);
    let next: string[];
    if (blocks.length > 0) {
      const [first] = blocks;
      next = lines.flatMap((line, index) => {
        if (index === first!.start) return [table];
        return blocks.some((block) => index >= block.start && index < block.end) ? [] : [line];
      });
    } else {
      const separator =
        this.text === '' ? '' : /\r?\n$/.test(this.text) ? this.eol : this.eol + this.eol;
      next = [this.text, separator, table];
    }
    const text = next.join('');
    this.check(text, key, name, value);
    return { text, previous };
  }

  remove(key: string, name: string): { text: string; previous: unknown } | undefined {
    const previous = this.objectAt(key)?.[name];
    if (previous === undefined) return undefined;
    const lines = this.lines();
    const blocks = this.blocks(lines, key, name);
    const drop = new Set<number>();
    for (const block of blocks) {
      for (let index = block.start; index < block.end; index++) drop.add(index);
      // The blank line we put before a table appended at the end goes with it.
      if (block.end === lines.length && block.start > 0 && lines[block.start - 1]!.trim() === '') {
        drop.add(block.start - 1);
      }
    }
    const text = lines.filter((_line, index) => !drop.has(index)).join('');
    this.check(text, key, name, undefined);
    return { text, previous };
  }

  private lines(): string[] {
    return this.text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }

  /** Line ranges of `[key.name]` and its sub-tables, without the comments leading into the next table. */
  private blocks(lines: string[], key: string, name: string): { start: number; end: number }[] {
    const ours = new RegExp(
      `^[ \\t]*\\[[ \\t]*${keyPattern(key)}[ \\t]*\\.[ \\t]*${keyPattern(name)}[ \\t]*(\\.[^\\]]*)?\\][ \\t]*(#.*)?\\r?\\n?$`,
    );
    const blocks: { start: number; end: number }[] = [];
    let inString: '"""' | "'''" | undefined;
    let open: number | undefined;
    const close = (end: number) => {
      if (open === undefined) return;
      while (end > open + 1 && /^[ \t]*(#.*)?\r?\n?$/.test(lines[end - 1]!)) end--;
      blocks.push({ start: open, end });
      open = undefined;
    };
    lines.forEach((line, index) => {
      const wasInString = inString !== undefined;
      for (const quote of ['"""', "'''"] as const) {
        const count = line.split(quote).length - 1;
        if (count % 2 === 1 && (inString === undefined || inString === quote)) {
          inString = inString ? undefined : quote;
        }
      }
      if (wasInString || !ANY_HEADER.test(line)) return;
      if (ours.test(line)) {
        if (open === undefined) open = index;
      } else {
        close(index);
      }
    });
    close(lines.length);
    return blocks;
  }

  private render(key: string, name: string, value: Table): string {
    const rows = Object.entries(value).map(
      ([field, item]) => `${tomlKey(field)} = ${tomlValue(item)}`,
    );
    return [`[${tomlKey(key)}.${tomlKey(name)}]`, ...rows].map((row) => row + this.eol).join('');
  }

  /** Refuses an edit that would change anything but `[key.name]`. */
  private check(text: string, key: string, name: string, value: Table | undefined): void {
    let after: Table | undefined;
    try {
      after = parse(text) as Table;
    } catch {
      after = undefined;
    }
    const same =
      after !== undefined &&
      isDeepStrictEqual(without(after, key, name), without(this.doc, key, name)) &&
      (value === undefined
        ? (after[key] as Table | undefined)?.[name] === undefined
        : isDeepStrictEqual(plain((after[key] as Table | undefined)?.[name]), value));
    if (!same) {
      throw new ClientConfigError(
        'config_shape',
        `In ${this.path}, TuneBridge's table is written in a way it cannot change without touching other settings. It left the file untouched.`,
        { path: this.path },
      );
    }
  }
}

function keyPattern(key: string): string {
  const escaped = key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return `(?:${escaped}|"${escaped}"|'${escaped}')`;
}

function tomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : JSON.stringify(key);
}

/** Strings, arrays of strings and string maps: all our entries hold. JSON's escapes are TOML's. */
function tomlValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const pairs = Object.entries(value).map(
      ([key, item]) => `${tomlKey(key)} = ${tomlValue(item)}`,
    );
    return `{ ${pairs.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function without(doc: Table, key: string, name: string): Table {
  const copy = { ...doc };
  const table = copy[key];
  if (typeof table === 'object' && table !== null && !Array.isArray(table)) {
    const rest = { ...(table as Table) };
    delete rest[name];
    if (Object.keys(rest).length === 0) delete copy[key];
    else copy[key] = rest;
  }
  return plain(copy) as Table;
}

function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
