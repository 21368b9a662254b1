/**
 * The init script each window's page runs before any of its own: it plays the renderer side of
 * Electron for a sandboxed, context-isolated window. Permission-gated Web APIs and `window.open`
 * go to the main process (bindings), and in the top frame only, the REAL preload file runs with
 * `require('electron')` giving `contextBridge` and `ipcRenderer` over a page binding. Subframes
 * get no preload, as with `nodeIntegrationInSubFrames: false`.
 */
export interface PreloadScriptNames {
  ipc: string;
  permission: string;
  open: string;
  deliver: string;
}

export function preloadInitScript(names: PreloadScriptNames, preloadSource: string | undefined) {
  const preload =
    preloadSource === undefined
      ? ''
      : `(function (require, module, exports) {\n${preloadSource}\n})(require, module, module.exports);`;
  return `(() => {
  const names = ${JSON.stringify(names)};
  const ipcBinding = window[names.ipc];
  const permissionBinding = window[names.permission];
  const openBinding = window[names.open];
  const top = window.top === window;
  // The page itself never sees the plumbing; a subframe keeps the raw IPC binding, standing for a
  // frame that got hold of IPC somehow, which the shell's sender check must refuse.
  delete window[names.permission];
  delete window[names.open];
  if (top) delete window[names.ipc];
  const denied = (what) => new DOMException(what + ' permission denied.', 'NotAllowedError');
  if (navigator.clipboard) {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = async (text) => {
      if (!(await permissionBinding('clipboard-sanitized-write'))) throw denied('Write');
      return write(text);
    };
  }
  if (window.Notification) {
    Notification.requestPermission = async () =>
      (await permissionBinding('notifications')) ? 'granted' : 'denied';
  }
  if (navigator.mediaDevices) {
    navigator.mediaDevices.getUserMedia = async () => {
      await permissionBinding('media');
      throw denied('Media');
    };
  }
  window.open = (url) => {
    openBinding(url === undefined ? '' : String(url));
    return null;
  };
  if (!top) return;

  const listeners = new Map();
  Object.defineProperty(window, names.deliver, {
    enumerable: false,
    value: (channel, args) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, ...args);
    },
  });
  const ipcRenderer = {
    invoke: async (channel, ...args) => {
      const answer = await ipcBinding({ channel, args });
      if (answer.error !== undefined) throw new Error(answer.error);
      return answer.value;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
    },
  };
  const require = (id) => {
    if (id === 'electron') return { ipcRenderer, contextBridge };
    throw new Error('module not found: ' + id);
  };
  const module = { exports: {} };
  ${preload}
})();`;
}
