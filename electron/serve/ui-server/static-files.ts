import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { sendText } from './headers.js';

/** The only files the UI server hands out; nothing is looked up from the request's path. */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

export function isStaticPath(path: string): boolean {
  return Object.hasOwn(FILES, path);
}

export async function serveStatic(
  uiDir: string,
  path: string,
  response: ServerResponse,
  headOnly: boolean,
): Promise<void> {
  const entry = FILES[path];
  if (!entry) return sendText(response, 404, 'Not found.');
  let body: Buffer;
  try {
    body = await readFile(join(uiDir, entry.file));
  } catch {
    return sendText(
      response,
      503,
      `The TuneBridge window is not built (${entry.file} is missing). Run \`npm run build\`.`,
    );
  }
  response.writeHead(200, { 'Content-Type': entry.type, 'Content-Length': body.length });
  response.end(headOnly ? undefined : body);
}
