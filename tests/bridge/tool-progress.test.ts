import { describe, expect, it } from 'vitest';
import { ToolProgress, type ProgressUpdate } from '../../mcp-bridge/tool-progress.js';

describe('progress of a long tool call', () => {
  function progressAt(clock: { now: number }) {
    const sent: ProgressUpdate[] = [];
    const progress = new ToolProgress(
      (update) => sent.push(update),
      () => clock.now,
    );
    return { progress, sent };
  }

  it('sends the first step at once, then at most one update a second', () => {
    const clock = { now: 0 };
    const { progress, sent } = progressAt(clock);
    progress.step('Reading the Spotify playlist');
    expect(sent).toEqual([{ progress: 1, message: 'Reading the Spotify playlist' }]);
    for (let i = 0; i < 50; i += 1) progress.requested();
    progress.step('Searching TIDAL by title and artists: 1 of 9');
    expect(sent).toHaveLength(1);
    clock.now = 1000;
    progress.requested();
    expect(sent.at(-1)).toEqual({
      progress: 53,
      message: 'Searching TIDAL by title and artists: 1 of 9',
    });
  });

  it('only ever grows, as MCP requires of one progress token', () => {
    const clock = { now: 0 };
    const { progress, sent } = progressAt(clock);
    for (let second = 0; second < 20; second += 1) {
      clock.now = second * 1000 + (second % 3) * 7;
      progress.step(`step ${second}`);
      progress.requested();
    }
    const values = sent.map((update) => update.progress);
    expect(values.length).toBeGreaterThan(10);
    expect(values.every((value, i) => i === 0 || value > (values[i - 1] ?? 0))).toBe(true);
  });

  it('says nothing before a tool names its first step, or when the client did not ask', () => {
    const clock = { now: 0 };
    const { progress, sent } = progressAt(clock);
    progress.requested();
    clock.now = 5000;
    progress.requested();
    expect(sent).toEqual([]);
    const silent = new ToolProgress(undefined, () => 0);
    expect(() => silent.step('Reading')).not.toThrow();
  });
});
