import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../electron/host/settings/json-error-location.js';

describe('locateJsonError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of [
      '{}',
      ' [1, -2.5e+3, "a\\u00e9\\n", true, false, null, {"a": {}}] ',
      '0',
      '""',
    ]) {
      expect(locateJsonError(text)).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ['{"a": 1,}', 1, 9, "unexpected '}'"],
    ['{"a" 1}', 1, 6, "unexpected '1'"],
    ['[1, 2', 1, 6, 'unexpected end of file'],
    ['{\n  "a": tru\n}', 2, 8, "unexpected 't'"],
    ['{"a": 01}', 1, 8, "unexpected '1'"],
    ['{"a": "x\ty"}', 1, 9, 'unexpected "\\t"'],
    ["{'a': 1}", 1, 2, "unexpected '''"],
    ['{} {}', 1, 4, "unexpected '{'"],
    ['\uFEFF{}', 1, 1, "unexpected '\uFEFF'"],
  ])('finds the first error in %j', (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(locateJsonError(text)).toMatchObject({ line, column, problem });
  });

  it('agrees with the offset V8 reports when it reports one', () => {
    let compared = 0;
    for (const text of ['{"a": 1', '{"a": 1 "b": 2}', '[1 2]', '{"a": nul}']) {
      const message = (() => {
        try {
          JSON.parse(text);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const reported = /at position (\d+)/.exec(message)?.[1];
      if (reported === undefined) continue;
      expect(locateJsonError(text)?.offset).toBe(Number(reported));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
