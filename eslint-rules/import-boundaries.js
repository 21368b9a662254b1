/**
 * tunebridge/import-boundaries: each folder declares which of our other folders it may import
 * (after playwright's DEPS.list files). The options are the DEPS map from eslint.config.js:
 *
 *   { 'mcp-bridge/': { allow: ['protocol/', 'broker-client/'] }, 'sandbox/': { deny: ['cli/'] } }
 *
 * A file belongs to the longest folder key that prefixes its path (relative to the project root,
 * the `cwd` ESLint runs in). `allow` lists the only folders of ours it may reach besides its own;
 * `deny` lists folders it may never reach. Node builtins and npm packages are always allowed,
 * except the packages named in `packages` (`{ electron: ['electron/shell/'] }`: only those
 * folders may import it). Files in no declared folder (tests, bench, scripts) are free.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** @param {string} path */
const posix = (path) => path.split(sep).join('/');

/**
 * @param {string} path project-relative, '/'-separated
 * @param {string[]} folders keys ending in '/'
 */
function folderOf(path, folders) {
  let best;
  for (const folder of folders) {
    if (path.startsWith(folder) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each folder to the imports its DEPS entry declares' },
    schema: [
      {
        type: 'object',
        properties: {
          folders: { type: 'object' },
          packages: { type: 'object' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      folder:
        '{{from}} may not import {{to}} ({{target}}): its DEPS entry in eslint.config.js {{allowed}}. Move what both need into a folder both may import (protocol/ for contracts and pure helpers).',
      package: 'Only {{allowed}} may import "{{name}}"; keep logic in plain modules.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    /** @type {Record<string, {allow?: string[], deny?: string[]}>} */
    const folders = options.folders ?? {};
    /** @type {Record<string, string[]>} */
    const packages = options.packages ?? {};
    const root = context.cwd;
    const file = posix(relative(root, context.filename));
    const keys = Object.keys(folders);
    const from = folderOf(file, keys);

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.') && !isAbsolute(source)) {
        const name = source
          .split('/')
          .slice(0, source.startsWith('@') ? 2 : 1)
          .join('/');
        const owners = packages[name];
        if (owners && !owners.some((owner) => file.startsWith(owner))) {
          context.report({
            node,
            messageId: 'package',
            data: { name, allowed: owners.join(', ') },
          });
        }
        return;
      }
      if (!from) return;
      const target = posix(relative(root, resolve(dirname(context.filename), source)));
      if (target.startsWith(from)) return;
      const { allow, deny } = folders[from] ?? {};
      const crossing = allow
        ? !allow.some((folder) => target.startsWith(folder))
        : (deny ?? []).some((folder) => target.startsWith(folder));
      if (!crossing) return;
      const allowed = allow
        ? allow.length === 0
          ? 'allows nothing of ours outside itself'
          : `allows only ${allow.join(', ')}`
        : `forbids ${(deny ?? []).join(', ')}`;
      context.report({
        node,
        messageId: 'folder',
        data: { from, to: folderOf(target, keys) ?? target, target, allowed },
      });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'import-boundaries': rule } };
