import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID, PRODUCT_NAME } from '../../electron/shell/app-identity.js';
import { exitOnUncaughtErrors } from '../../electron/shell/bridge-crash.js';
import {
  NotificationHolder,
  type HeldNotification,
} from '../../electron/shell/notification-holder.js';
import { decidePermission } from '../../electron/shell/permission-policy.js';
import { checkSender, senderInfo } from '../../electron/shell/sender-check.js';
import { restoreBounds } from '../../electron/shell/window-state.js';

const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

describe('first-run fixes in the shell', () => {
  it('the AppUserModelID and product name are the installer’s', () => {
    expect(APP_ID).toBe(builder.appId);
    expect(PRODUCT_NAME).toBe(builder.productName);
  });

  it('allows the clipboard write to our own main frame only, and nothing else', () => {
    const ask = {
      permission: 'clipboard-sanitized-write',
      ourWindow: true,
      isMainFrame: true,
      requestingUrl: 'app://tunebridge/index.html',
    };
    expect(decidePermission(ask)).toBe(true);
    expect(decidePermission({ ...ask, isMainFrame: false })).toBe(false);
    expect(decidePermission({ ...ask, ourWindow: false })).toBe(false);
    expect(decidePermission({ ...ask, requestingUrl: 'https://example.com/' })).toBe(false);
    expect(decidePermission({ ...ask, requestingUrl: undefined })).toBe(false);
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation']) {
      expect(decidePermission({ ...ask, permission })).toBe(false);
    }
  });

  it('refuses IPC cleanly when the sending frame is undefined, null or unreadable', () => {
    const ours = new Set([7]);
    for (const senderFrame of [undefined, null]) {
      const info = senderInfo({ sender: { id: 7 }, senderFrame });
      expect(checkSender(info, ours)).toEqual({
        trusted: false,
        reason: 'the sending frame is gone',
      });
    }
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(checkSender(senderInfo({ sender: { id: 7 }, senderFrame: destroyed }), ours)).toEqual({
      trusted: false,
      reason: 'the sending frame is gone',
    });
  });

  it('holds each notification until it is clicked, closed or fails', () => {
    const holder = new NotificationHolder<FakeNotice>();
    const first = new FakeNotice();
    const second = new FakeNotice();
    holder.show(first);
    holder.show(second);
    expect(first.shown && second.shown).toBe(true);
    expect(holder.size).toBe(2);
    first.fire('click');
    expect(holder.size).toBe(1);
    second.fire('close');
    expect(holder.size).toBe(0);
  });

  it('in bridge mode, an uncaught error goes to stderr and ends the process', () => {
    const handlers = new Map<string, (error: unknown) => void>();
    const written: string[] = [];
    let exitCode: number | undefined;
    const fake = {
      on: (event: string, handler: (error: unknown) => void) => handlers.set(event, handler),
      exit: (code: number) => {
        exitCode = code;
        return undefined as never;
      },
      stderr: { write: (text: string) => written.push(text) },
    };
    exitOnUncaughtErrors(fake as unknown as Parameters<typeof exitOnUncaughtErrors>[0]);
    handlers.get('unhandledRejection')?.(new Error('socket vanished'));
    expect(exitCode).toBe(1);
    expect(written.join('')).toMatch(
      /bridge stopped on an unexpected error: Error: socket vanished/,
    );
    expect([...handlers.keys()].sort()).toEqual(['uncaughtException', 'unhandledRejection']);
  });

  it('reopens the window where it was, unless that place is off every display', () => {
    const display = { x: 0, y: 0, width: 1920, height: 1080 };
    const saved = { x: 100, y: 80, width: 900, height: 700 };
    expect(restoreBounds(saved, [display])).toEqual(saved);
    expect(restoreBounds({ ...saved, x: 3000 }, [display])).toEqual({ width: 900, height: 700 });
    expect(restoreBounds(undefined, [display])).toBeUndefined();
  });
});

class FakeNotice implements HeldNotification {
  shown = false;
  readonly #listeners = new Map<string, () => void>();
  once(event: 'click' | 'close' | 'failed', listener: () => void) {
    this.#listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown = true;
  }
  fire(event: 'click' | 'close' | 'failed') {
    this.#listeners.get(event)?.();
  }
}
