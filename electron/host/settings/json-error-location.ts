import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * Where a JSON text first goes wrong. Node's own SyntaxError only sometimes names a position, so
 * jsonc-parser (VS Code's parser, here in strict JSON mode) finds the spot, to tell the person
 * which line to fix.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** e.g. "unexpected '}'" or "unexpected end of file". */
  problem: string;
  /** jsonc-parser's name for it, e.g. "PropertyNameExpected". */
  code: string;
}

/** Undefined when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const errors: ParseError[] = [];
  parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: true,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (!first) return undefined;
  const code = printParseErrorCode(first.error);
  let offset = first.offset;
  // A raw control character inside a string: point at the character, not the string's start.
  if (code === 'InvalidCharacter') {
    const token = text.slice(offset, offset + first.length);
    let inside = 0;
    while (inside < token.length && token.charCodeAt(inside) >= 0x20) inside++;
    if (inside < token.length) offset += inside;
  }
  return { ...lineAndColumn(text, offset), offset, problem: describe(text, offset), code };
}

/** 1-based line and column of an offset, as an editor shows them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function describe(text: string, offset: number): string {
  const found = text[offset];
  if (found === undefined) return 'unexpected end of file';
  return `unexpected ${found < ' ' ? JSON.stringify(found) : `'${found}'`}`;
}
