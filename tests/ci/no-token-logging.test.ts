import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import plugin from '../../eslint-rules/no-token-logging.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

const logged = { messageId: 'logged' as const };
const thrown = { messageId: 'thrown' as const };

tester.run('tunebridge/no-token-logging', plugin.rules['no-token-logging'], {
  valid: [
    "console.log('Logged in to Spotify');",
    'console.log(`expires at ${tokens.expiresAt}`);',
    'console.log(accessToken.length);',
    'process.stdout.write(`key file: ${controlKeyFile}\\n`);',
    'process.stderr.write(redact(refreshToken));',
    'console.error(`hash ${hashKey(clientKey)}`);',
    "throw new Error('The refresh token was refused; log in again.');",
    'throw new Error(`${provider} did not answer`);',
    'logger.info(accessToken);', // not a sink this rule knows; the audit log redacts
    'const message = `Bearer ${accessToken}`; fetch(url, { headers: { Authorization: message } });',
  ],
  invalid: [
    { code: 'console.log(accessToken);', errors: [logged] },
    { code: 'console.debug("tokens", refresh_token);', errors: [logged] },
    { code: 'console.log(`got ${tokens.refreshToken}`);', errors: [logged] },
    { code: 'process.stdout.write(`${answer.clientKey}\\n`);', errors: [logged] },
    { code: 'process.stderr.write(JSON.stringify({ accessToken }));', errors: [logged] },
    { code: 'process.stderr.write(String(controlKey));', errors: [logged] },
    { code: 'console.warn({ ...session, token });', errors: [logged] },
    { code: 'console.log(clientSecret.slice(0, 8));', errors: [logged] },
    {
      code: 'function f(set: TokenSet) { console.log(set); }',
      errors: [logged],
    },
    {
      code: 'const saved: TokenSet = load(); process.stdout.write(`${saved}`);',
      errors: [logged],
    },
    { code: 'throw new Error(`bad token ${accessToken}`);', errors: [thrown] },
    {
      code: "throw new OAuthError('invalid_grant', `refused ${tokens.refreshToken}`);",
      errors: [thrown],
    },
    { code: "throw new Error('key ' + clientKey);", errors: [thrown] },
  ],
});
