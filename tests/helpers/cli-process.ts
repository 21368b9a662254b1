import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** What config entries run (through the launcher): the standalone bridge. */
export const BRIDGE_SCRIPT = fileURLToPath(new URL('../../dist/bridge.cjs', import.meta.url));

/** A running `tunebridge` command whose output is kept for assertions (and leak checks). */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
  stop(): Promise<void>;
}

const everyOutput: string[] = [];

/** All output of every CLI process a test started, so a test can search it for secrets. */
export function allCliOutput(): string {
  return everyOutput.join('\n');
}

/** `script`: another copy of the CLI (an install moved elsewhere); this checkout's by default. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, script = CLI): CliProcess {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: 'pipe' });
  let out = '';
  let err = '';
  const index = everyOutput.push('') - 1;
  const record = () => {
    everyOutput[index] = `${out}\n${err}`;
  };
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    record();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    record();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitForOutput(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = out.match(pattern);
          if (match) {
            cleanup();
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Timed out waiting for ${pattern}.\nstdout:\n${out}\nstderr:\n${err}`));
        }, timeoutMs);
        const onExit = (code: number | null) => {
          cleanup();
          reject(
            new Error(`Exited (${code}) before ${pattern}.\nstdout:\n${out}\nstderr:\n${err}`),
          );
        };
        const cleanup = () => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('exit', onExit);
        };
        child.stdout.on('data', check);
        child.once('exit', onExit);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exit;
      }
    },
  };
}

/** Runs a command to completion. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  script = CLI,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const process = startCli(args, env, script);
  const code = await process.exit;
  return { code, stdout: process.stdout(), stderr: process.stderr() };
}
