/**
 * Where a JSON text first goes wrong. Node's own SyntaxError only sometimes names a position and
 * quotes the text around it, so we find the spot ourselves to tell the person which line to fix.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** e.g. "unexpected '}'" or "unexpected end of file". */
  problem: string;
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('json syntax error');
  }
}

/** Undefined when the text is valid JSON, or nested too deeply to scan (JSON.parse will say). */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (literal: string) => {
    for (const char of literal) {
      if (text[i] !== char) fail();
      i++;
    }
  };
  const digits = (atLeastOne: boolean) => {
    const start = i;
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
    if (atLeastOne && i === start) fail();
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail();
      const char = text[i]!;
      if (char === '"') return void i++;
      if (char < ' ') fail();
      if (char === '\\') {
        i++;
        const escape = text[i];
        if (escape === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail();
      }
      i++;
    }
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits(true);
    if (text[i] === '.') {
      i++;
      digits(true);
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits(true);
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') return void i++;
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect('}');
      }
    }
    if (char === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect(']');
      }
    }
    if (char === '"') return string();
    if (char === 't') return expect('true');
    if (char === 'f') return expect('false');
    if (char === 'n') return expect('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    fail();
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) return undefined;
    return describe(text, error.offset);
  }
}

function describe(text: string, offset: number): JsonErrorLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = text[offset];
  let problem = 'unexpected end of file';
  if (found !== undefined)
    problem = `unexpected ${found < ' ' ? JSON.stringify(found) : `'${found}'`}`;
  return { offset, line, column, problem };
}
