import { describe, expect, it } from 'vitest';
import { describeTime } from '../../cli/format-time.js';

describe('times in the command line’s human output', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('says how long ago, then the local date and time', () => {
    const text = describeTime('2026-11-30T09:00:00Z', now, 'en-US');
    expect(text).toMatch(/^3 hours ago \(.+\)$/);
    expect(text).toContain(
      new Date('2026-11-30T09:00:00Z').toLocaleString('en-US', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    );
    expect(text).not.toContain('Z');
  });

  it('reads a moment ago, yesterday and last week as a person would', () => {
    expect(describeTime('2026-11-30T11:59:30Z', now, 'en-US')).toMatch(/^just now /);
    expect(describeTime('2026-11-29T12:00:00Z', now, 'en-US')).toMatch(/^yesterday /);
    expect(describeTime('2026-11-23T12:00:00Z', now, 'en-US')).toMatch(/^last week /);
  });

  it('leaves text that is not a time as it is', () => {
    expect(describeTime('never', now, 'en-US')).toBe('never');
  });
});
