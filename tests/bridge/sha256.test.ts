import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../mcp-bridge/sha256.js';

describe('sha256Hex (the bridge start-up’s own SHA-256)', () => {
  it('agrees with node:crypto on the FIPS examples, keys, block edges and non-ASCII text', () => {
    const inputs = [
      '',
      'abc',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      // Shaped like an assistant key, built here so no key-shaped literal sits in the tree.
      `tbk_${'cYgD4m8vQ2sR'.repeat(4)}`,
      'é✓ 音楽',
      ...[55, 56, 63, 64, 65, 119, 120, 1000].map((length) => 'k'.repeat(length)),
    ];
    for (const input of inputs) {
      expect(sha256Hex(input), JSON.stringify(input)).toBe(
        createHash('sha256').update(input).digest('hex'),
      );
    }
  });
});
