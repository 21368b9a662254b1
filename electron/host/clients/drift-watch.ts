import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface DriftWatch {
  /** Runs the check now (also what a file change triggers). */
  check(): Promise<void>;
  close(): void;
}

/**
 * Re-checks a client's entry at start and whenever its config file changes. The folder is
 * watched, not the file: clients (and we) replace the file by renaming, which ends a file watch.
 * Changes are debounced, and `onResult` hears every result so a UI can show "repair" or clear it.
 */
export function watchConfigFile<R>(options: {
  path: string;
  check: () => Promise<R>;
  onResult: (result: R) => void;
  onError?: (error: unknown) => void;
  debounceMs?: number;
}): DriftWatch {
  const name = basename(options.path);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  let closed = false;
  let running: Promise<void> = Promise.resolve();

  const check = (): Promise<void> => {
    running = running.then(async () => {
      if (closed) return;
      try {
        options.onResult(await options.check());
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  };

  try {
    watcher = watch(dirname(options.path), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(), options.debounceMs ?? 200);
    });
    watcher.on('error', (error) => options.onError?.(error));
  } catch (error) {
    // No folder yet (client not installed): the start-up check still reports it.
    options.onError?.(error);
  }
  void check();

  return {
    check,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
