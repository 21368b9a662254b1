import { MAX_FRAME_BYTES } from './broker.js';

/** Thrown for bytes that cannot be a frame; the connection that sent them is closed. */
export class FrameError extends Error {
  constructor(
    readonly code: 'bad_frame' | 'frame_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

export function encodeFrame(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}

/**
 * Splits a byte stream into JSON frames, one per line. Bytes are held only up to the frame
 * limit, so a peer that never sends a newline cannot make the other side buffer without end.
 */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxFrameBytes = MAX_FRAME_BYTES) {}

  /** Returns the frames completed by this chunk, parsed but not yet validated. */
  push(chunk: Buffer): unknown[] {
    const frames: unknown[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline);
      this.guardSize(piece.length);
      const line = Buffer.concat([...this.pending, piece]).toString('utf8');
      this.pending = [];
      this.pendingBytes = 0;
      start = newline + 1;
      if (line.trim() === '') continue;
      frames.push(parseFrame(line));
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0) {
      this.guardSize(rest.length);
      this.pending.push(rest);
      this.pendingBytes += rest.length;
    }
    return frames;
  }

  private guardSize(incoming: number): void {
    if (this.pendingBytes + incoming > this.maxFrameBytes) {
      throw new FrameError(
        'frame_too_large',
        `A message was larger than ${this.maxFrameBytes} bytes; the connection was closed.`,
      );
    }
  }
}

function parseFrame(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new FrameError('bad_frame', 'A message was not valid JSON; the connection was closed.');
  }
}
