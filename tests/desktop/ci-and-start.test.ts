import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chooseStart } from '../../scripts/start.mjs';

interface Job {
  'runs-on': string;
  steps: { run?: string; uses?: string }[];
}

describe('.github/workflows/ci.yml', () => {
  const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
    jobs: Record<string, Job>;
  };
  const jobs = Object.values(workflow.jobs);

  it('has one job per hosted OS', () => {
    expect(jobs.map((job) => job['runs-on']).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
  });

  it.each(['ubuntu-latest', 'macos-latest', 'windows-latest'])(
    'on %s runs .ci/run, the scenario on the real Electron and the packaging smoke test',
    (os) => {
      const job = jobs.find((candidate) => candidate['runs-on'] === os);
      const runs = (job?.steps ?? []).map((step) => step.run ?? '').join('\n');
      expect(runs).toContain('bash .ci/run');
      expect(runs).toContain('npx install-electron');
      expect(runs).toMatch(/vitest run tests\/desktop\/desktop-scenario\.test\.ts/);
      expect(runs).toContain('electron-builder --dir');
      expect(runs).toContain('build/read-fuses.mjs');
      if (os === 'ubuntu-latest') expect(runs).toMatch(/xvfb-run .*desktop-scenario/);
    },
  );
});

describe('npm start', () => {
  const never = () => Promise.reject(new Error('must not be asked'));

  it('starts the desktop app when the binary is here', async () => {
    await expect(
      chooseStart({ binary: '/e/electron', display: true, reachable: never }),
    ).resolves.toEqual({ mode: 'desktop', binary: '/e/electron' });
  });

  it('serves, saying why, without a display or without the download host', async () => {
    await expect(
      chooseStart({ binary: undefined, display: false, reachable: never }),
    ).resolves.toMatchObject({
      mode: 'serve',
      reason: expect.stringMatching(/no desktop session/),
    });
    await expect(
      chooseStart({ binary: undefined, display: true, reachable: () => Promise.resolve(false) }),
    ).resolves.toMatchObject({ mode: 'serve', reason: expect.stringMatching(/cannot be reached/) });
  });

  it('downloads only when the download host answers', async () => {
    await expect(
      chooseStart({ binary: undefined, display: true, reachable: () => Promise.resolve(true) }),
    ).resolves.toEqual({ mode: 'download' });
  });
});
