import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/import-boundaries.js';
import tunebridge from './eslint-rules/no-token-logging.js';

/**
 * Which of our folders each folder may import (besides its own files, Node builtins and npm
 * packages), after playwright's DEPS lists. `allow` is the whole list; `deny` names what is out.
 * Folders not listed here (tests/, bench/, scripts/) are free.
 */
const DEPS = {
  'protocol/': { allow: [] },
  'broker-client/': { allow: ['protocol/'] },
  'playlist-files/': { allow: ['protocol/'] },
  'mcp-bridge/': { allow: ['protocol/', 'broker-client/', 'playlist-files/'] },
  'renderer/': { allow: ['protocol/'] },
  'sandbox/': { deny: ['electron/', 'cli/', 'mcp-bridge/'] },
  'cli/': {},
  'electron/host/': {},
  'electron/serve/': {},
  'electron/shell/': {},
};

/** npm packages only some folders may import. */
const PACKAGE_OWNERS = { electron: ['electron/shell/'] };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message:
            "Use `import * as z from 'zod'`: the `z` object keeps all of zod (every locale) in a bundle.",
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    ignores: ['**/*.test.ts', 'tests/**', 'bench/**', 'scripts/**'],
    plugins: { boundaries },
    rules: {
      'boundaries/import-boundaries': ['error', { folders: DEPS, packages: PACKAGE_OWNERS }],
    },
  },
  {
    // Tokens and keys never reach a log line, a terminal or an error message.
    plugins: { tunebridge },
    rules: { 'tunebridge/no-token-logging': 'error' },
  },
  {
    // Stdout of the bridge is the MCP protocol and nothing else.
    files: ['mcp-bridge/**'],
    ignores: ['mcp-bridge/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
);
