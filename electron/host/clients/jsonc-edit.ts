import {
  applyEdits,
  createScanner,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Edit,
  type Node,
  type ParseError,
  type SyntaxKind,
} from 'jsonc-parser';
import { ClientConfigError } from './client-config-error.js';
import { lineAndColumn } from '../settings/json-error-location.js';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read at run time.
const COMMA_TOKEN: SyntaxKind.CommaToken = 5;

export type JsonObject = Record<string, unknown>;

/** `json` for clients that read with JSON.parse; `jsonc` for those that allow comments and trailing commas. */
export type JsonDialect = 'json' | 'jsonc';

interface Style {
  unit: string;
  eol: string;
}

/**
 * Edits one member of one object in a JSON(C) text and leaves every other byte as it was:
 * comments, trailing commas, how numbers are spelled, duplicate keys elsewhere, indentation, BOM
 * and line endings. jsonc-parser parses (and locates errors); the edits are computed here rather
 * than with its `modify`, whose formatter also rewrites the neighbouring member's line.
 */
export class JsoncDocument {
  private readonly bom: string;
  private readonly body: string;
  private readonly root: Node | undefined;
  private readonly style: Style;

  constructor(
    text: string | undefined,
    private readonly path: string,
    dialect: JsonDialect,
  ) {
    const original = text ?? '';
    this.bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
    this.body = original.slice(this.bom.length);
    this.style = {
      unit: /^([ \t]+)["}\]]/m.exec(this.body)?.[1] ?? '  ',
      eol: this.body.includes('\r\n') ? '\r\n' : '\n',
    };
    if (this.body.trim() === '') return;
    const errors: ParseError[] = [];
    const root = parseTree(this.body, errors, {
      allowTrailingComma: dialect === 'jsonc',
      disallowComments: dialect === 'json',
      allowEmptyContent: false,
    });
    const first = errors[0];
    if (first) {
      const { line, column } = lineAndColumn(this.body, first.offset);
      const problem = describeProblem(this.body, first.offset, printParseErrorCode(first.error));
      const allowed = dialect === 'json' ? ' (this client allows no comments here)' : '';
      throw new ClientConfigError(
        'config_malformed',
        `${path} is not valid JSON at line ${line}, column ${column} (${problem})${allowed}. TuneBridge left it untouched: fix it, or add the entry by hand.`,
        { path, line, column, problem },
      );
    }
    if (root?.type !== 'object') {
      throw new ClientConfigError(
        'config_shape',
        `${path} holds JSON, but not an object at the top level. TuneBridge left it untouched.`,
        { path },
      );
    }
    this.root = root;
  }

  /** The object under `key` (checked), or undefined when the file has none (or null). */
  objectAt(key: string): JsonObject | undefined {
    const node = this.member(this.root, key)?.children?.[1];
    if (!node || node.type === 'null') return undefined;
    return getNodeValue(node) as JsonObject;
  }

  /** Sets `doc[key][name]`; an existing member keeps its place. */
  set(key: string, name: string, value: unknown): { text: string; previous: unknown } {
    if (!this.root) {
      const doc = { [key]: { [name]: value } };
      return { text: `${JSON.stringify(doc, null, 2)}\n`, previous: undefined };
    }
    const outer = this.member(this.root, key);
    const servers = outer?.children?.[1];
    if (!outer || !servers) {
      return {
        text: this.apply(this.insert(this.root, key, { [name]: value })),
        previous: undefined,
      };
    }
    if (servers.type === 'null') {
      const indent = this.indentOfLine(outer.offset);
      return {
        text: this.apply([this.replace(servers, { [name]: value }, indent)]),
        previous: undefined,
      };
    }
    const own = this.member(servers, name);
    const current = own?.children?.[1];
    if (own && current) {
      const edit = this.replace(current, value, this.indentOfLine(own.offset));
      return { text: this.apply([edit]), previous: getNodeValue(current) };
    }
    return { text: this.apply(this.insert(servers, name, value)), previous: undefined };
  }

  /** Removes `doc[key][name]` with its separator; undefined when there is none. */
  remove(key: string, name: string): { text: string; previous: unknown } | undefined {
    const servers = this.member(this.root, key)?.children?.[1];
    const own = servers && servers.type === 'object' ? this.member(servers, name) : undefined;
    if (!servers || !own) return undefined;
    const previous = getNodeValue(own.children![1]!);
    const members = servers.children ?? [];
    const index = members.indexOf(own);
    const end = own.offset + own.length;
    const after = this.commaAfter(end);
    let edits: Edit[];
    if (members.length === 1) {
      const inner = this.body.slice(servers.offset + 1, servers.offset + servers.length - 1);
      const rest = inner.replace(this.body.slice(own.offset, after ?? end), '');
      // Only whitespace (and our comma) left: the object goes back to `{}`.
      edits = /^[\s,]*$/.test(rest)
        ? [{ offset: servers.offset, length: servers.length, content: '{}' }]
        : [
            {
              offset: own.offset,
              length: (after === undefined ? end : after + 1) - own.offset,
              content: '',
            },
          ];
    } else {
      const lineStart = this.ownLineStart(own.offset);
      const from = lineStart ?? own.offset;
      if (index === members.length - 1 && after === undefined) {
        // Last member without a trailing comma: the comma before it goes too.
        const prev = members[index - 1]!;
        const comma = this.commaAfter(prev.offset + prev.length)!;
        edits =
          lineStart === undefined
            ? [{ offset: comma, length: end - comma, content: '' }]
            : [
                { offset: comma, length: 1, content: '' },
                { offset: from, length: end - from, content: '' },
              ];
      } else {
        let to = (after ?? end - 1) + 1;
        if (lineStart === undefined) while (this.body[to] === ' ') to++;
        edits = [{ offset: from, length: to - from, content: '' }];
      }
    }
    return { text: this.apply(edits), previous };
  }

  private member(object: Node | undefined, name: string): Node | undefined {
    if (!object || object.type !== 'object') return undefined;
    const found = (object.children ?? []).filter((member) => member.children?.[0]?.value === name);
    if (found.length > 1) {
      throw new ClientConfigError(
        'config_shape',
        `In ${this.path}, "${name}" appears more than once, so TuneBridge cannot tell which one the app reads. It left the file untouched.`,
        { path: this.path },
      );
    }
    const value = found[0]?.children?.[1];
    if (value && value.type !== 'object' && value.type !== 'null' && object === this.root) {
      throw new ClientConfigError(
        'config_shape',
        `In ${this.path}, "${name}" is not an object, so TuneBridge cannot add itself without guessing. It left the file untouched.`,
        { path: this.path },
      );
    }
    return found[0];
  }

  private insert(object: Node, name: string, value: unknown): Edit[] {
    const { eol, unit } = this.style;
    const members = object.children ?? [];
    const last = members.at(-1);
    if (!last) {
      const indent = this.indentOfLine(object.offset);
      const inner = this.body.slice(object.offset + 1, object.offset + object.length - 1);
      const member = `${eol}${indent}${unit}${JSON.stringify(name)}: ${this.pretty(value, indent + unit)}`;
      return inner.trim() === ''
        ? [{ offset: object.offset, length: object.length, content: `{${member}${eol}${indent}}` }]
        : [{ offset: object.offset + 1, length: 0, content: member }];
    }
    const lastEnd = last.offset + last.length;
    const indent =
      this.ownLineStart(last.offset) === undefined ? undefined : this.indentOfLine(last.offset);
    if (indent === undefined) {
      // A one-line object: add ourselves on the same line.
      const content = `, ${JSON.stringify(name)}: ${JSON.stringify(value)}`;
      return [{ offset: lastEnd, length: 0, content }];
    }
    const member = `${eol}${indent}${JSON.stringify(name)}: ${this.pretty(value, indent)}`;
    // After the last member's trailing comma and end-of-line comment, if it has them.
    let at = lastEnd;
    while (this.body[at] === ' ' || this.body[at] === '\t') at++;
    const trailingComma = this.body[at] === ',';
    if (trailingComma) at++;
    while (this.body[at] === ' ' || this.body[at] === '\t') at++;
    if (this.body.startsWith('//', at)) at = this.lineEnd(at);
    if (at < this.body.length && this.body[at] !== '\r' && this.body[at] !== '\n') {
      return [{ offset: lastEnd, length: 0, content: `,${member}` }];
    }
    if (trailingComma) return [{ offset: at, length: 0, content: `${member},` }];
    if (at === lastEnd) return [{ offset: lastEnd, length: 0, content: `,${member}` }];
    return [
      { offset: lastEnd, length: 0, content: ',' },
      { offset: at, length: 0, content: member },
    ];
  }

  private replace(node: Node, value: unknown, indent: string): Edit {
    return { offset: node.offset, length: node.length, content: this.pretty(value, indent) };
  }

  private pretty(value: unknown, indent: string): string {
    return JSON.stringify(value, null, this.style.unit)
      .split('\n')
      .join(this.style.eol + indent);
  }

  /** The offset of the line break before `offset` when only whitespace lies between them. */
  private ownLineStart(offset: number): number | undefined {
    let at = offset;
    while (at > 0 && (this.body[at - 1] === ' ' || this.body[at - 1] === '\t')) at--;
    if (at === 0 || this.body[at - 1] !== '\n') return undefined;
    return this.body[at - 2] === '\r' ? at - 2 : at - 1;
  }

  private indentOfLine(offset: number): string {
    const start = this.body.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.body.slice(start))![0];
  }

  private lineEnd(offset: number): number {
    const newline = this.body.indexOf('\n', offset);
    if (newline === -1) return this.body.length;
    return this.body[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** The offset of the comma that follows `offset` past whitespace and comments, if one does. */
  private commaAfter(offset: number): number | undefined {
    const scanner = createScanner(this.body, true);
    scanner.setPosition(offset);
    return scanner.scan() === COMMA_TOKEN ? scanner.getTokenOffset() : undefined;
  }

  private apply(edits: Edit[]): string {
    return this.bom + applyEdits(this.body, edits);
  }
}

function describeProblem(text: string, offset: number, code: string): string {
  const found = text[offset];
  if (found === undefined) return 'unexpected end of file';
  const shown = found < ' ' ? JSON.stringify(found) : `'${found}'`;
  return `${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}, found ${shown}`;
}
