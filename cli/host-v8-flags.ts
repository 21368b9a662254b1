/**
 * V8 flags for the host, which runs for days in the background. V8 grows its young generation
 * under a burst of work (to 64 MB semi-spaces on this 2-core machine) and keeps it: the soak in
 * bench/ measured 40–80 MB of resident memory that a full collection never gave back, with live
 * data flat. 8 MB semi-spaces held the soak's hosts at about 140 MB (16 MB: about 153 MB) in the
 * same run time; the price is more frequent minor collections of a mostly idle process.
 */
export const HOST_V8_FLAGS = ['--max-semi-space-size=8'];

/**
 * Restarts this process in place (same pid, stdio and environment) with the host's V8 flags,
 * which only take effect at start-up; `tunebridge serve` calls it before anything else runs.
 * Where `process.execve` is missing (Windows), the host runs with V8's defaults.
 */
export function execWithHostFlags(): void {
  if (process.platform === 'win32' || typeof process.execve !== 'function') return;
  if (HOST_V8_FLAGS.every((flag) => process.execArgv.includes(flag))) return;
  process.execve(
    process.execPath,
    [process.execPath, ...HOST_V8_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
