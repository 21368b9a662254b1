import { homedir } from 'node:os';
import { tildePath } from '../protocol/home-path.js';

/** A path as the person reads it: `~/…` inside their home. */
export function home(path: string): string {
  return tildePath(path, homedir());
}
