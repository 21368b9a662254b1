import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import tunebridge from './eslint-rules/no-token-logging.js';

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/shell/ may import electron; keep logic in plain modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
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
