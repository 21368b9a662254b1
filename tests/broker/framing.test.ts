import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, FrameError } from '../../protocol/framing.js';

describe('broker framing', () => {
  it('splits a stream into frames however the bytes arrive', () => {
    const decoder = new FrameDecoder();
    const bytes = Buffer.from(encodeFrame({ a: 1 }) + encodeFrame({ b: 'two\nlines' }));
    const frames: unknown[] = [];
    for (let i = 0; i < bytes.length; i += 3)
      frames.push(...decoder.push(bytes.subarray(i, i + 3)));
    expect(frames).toEqual([{ a: 1 }, { b: 'two\nlines' }]);
  });

  it('refuses a frame over the limit before buffering it whole', () => {
    const decoder = new FrameDecoder(64);
    expect(() => decoder.push(Buffer.alloc(65, 'x'))).toThrowError(FrameError);
    const split = new FrameDecoder(64);
    split.push(Buffer.alloc(40, 'x'));
    expect(() => split.push(Buffer.alloc(40, 'x'))).toThrow(/larger than 64 bytes/);
  });

  it('rejects bytes that are not JSON', () => {
    expect(() => new FrameDecoder().push(Buffer.from('{nope}\n'))).toThrow(/not valid JSON/);
  });
});
