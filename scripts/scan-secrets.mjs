#!/usr/bin/env node
// Looks for secrets in the files git knows about (tracked, plus new files not ignored): known
// token shapes (TuneBridge keys and capabilities, Spotify access tokens, private keys, cloud and
// forge tokens) and high-entropy values assigned to secret-sounding names. Prints where, never
// what: a finding shows its first four characters only. Exit 1 when anything is found.
//
//   node scripts/scan-secrets.mjs [--allow-file PATH] [FILE…]
//
// Test fixtures that must look like secrets are listed in .secret-scan-allow (see that file), or
// carry `secret-scan: allow` on the same line.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RULES = [
  { id: 'tunebridge-client-key', pattern: /\btbk_[A-Za-z0-9_-]{40,}/g },
  { id: 'tunebridge-capability', pattern: /\btbc_[A-Za-z0-9_-]{30,}/g },
  { id: 'spotify-access-token', pattern: /\bBQ[A-Za-z0-9_-]{100,}/g },
  {
    id: 'private-key',
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { id: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { id: 'github-token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { id: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { id: 'slack-token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { id: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { id: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { id: 'bearer-token', pattern: /\bBearer [A-Za-z0-9._~+/-]{40,}=*/g },
];

// `secret = "…"`, `"refreshToken": "…"`, `API_KEY=…`: a value of 24+ token characters.
const ASSIGNMENT =
  /\b[\w.-]*(?:secret|token|passw(?:or)?d|api[_-]?key|private[_-]?key|credential|client[_-]?key)[\w.-]*["']?\s*[:=]\s*["'`]?([A-Za-z0-9+/=_.~-]{24,})/gi;
const ALLOW_INLINE = 'secret-scan: allow';
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Shannon entropy in bits per character. */
export function entropy(text) {
  const counts = new Map();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function highEntropy(value) {
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32 && entropy(value) > 3.3;
  // Identifiers and paths are not secrets: require a mix of character classes.
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
  return classes >= 3 && entropy(value) > 4.0;
}

/** Parses .secret-scan-allow: `path <glob>` skips files, `match <text>` skips one finding. */
export function parseAllowList(text) {
  const paths = [];
  const matches = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [kind, ...rest] = line.split(/\s+/);
    const value = rest.join(' ');
    if (kind === 'path') paths.push(globToRegExp(value));
    else if (kind === 'match') matches.push(value);
  }
  return { paths, matches };
}

function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped
    .replace(/\*\*\//g, '\uE000')
    .replace(/\*\*/g, '\uE001')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\uE000/g, '(?:.*/)?')
    .replace(/\uE001/g, '.*');
  return new RegExp(`^${pattern}$`);
}

/** Findings in one file's text: `{ line, rule, preview }`, the preview masked. */
export function scanText(text, allow = { paths: [], matches: [] }) {
  const findings = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    if (content.includes(ALLOW_INLINE)) return;
    const report = (rule, value) => {
      if (allow.matches.some((allowed) => value.includes(allowed) || allowed.includes(value))) {
        return;
      }
      findings.push({ line: index + 1, rule, preview: `${value.slice(0, 4)}…` });
    };
    for (const { id, pattern } of RULES) {
      for (const match of content.matchAll(pattern)) report(id, match[0]);
    }
    for (const match of content.matchAll(ASSIGNMENT)) {
      const value = match[1] ?? '';
      if (highEntropy(value)) report('high-entropy-assignment', value);
    }
  });
  return findings;
}

export function scanFiles(files, allow) {
  const results = [];
  for (const file of files) {
    if (allow.paths.some((re) => re.test(file))) continue;
    let buffer;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) continue;
      buffer = readFileSync(file);
    } catch {
      continue; // deleted but still in the index
    }
    if (buffer.includes(0)) continue; // binary
    for (const finding of scanText(buffer.toString('utf8'), allow)) {
      results.push({ file, ...finding });
    }
  }
  return results;
}

function main(argv) {
  let allowFile = '.secret-scan-allow';
  const files = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--allow-file') allowFile = argv[++i] ?? allowFile;
    else files.push(argv[i]);
  }
  let allow = { paths: [], matches: [] };
  try {
    allow = parseAllowList(readFileSync(allowFile, 'utf8'));
  } catch {
    // No allow-list: everything counts.
  }
  const targets =
    files.length > 0
      ? files
      : execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' })
          .split('\0')
          .filter(Boolean);
  const findings = scanFiles(targets, allow);
  for (const f of findings) {
    process.stdout.write(`${f.file}:${f.line}: ${f.rule} (${f.preview})\n`);
  }
  if (findings.length > 0) {
    process.stdout.write(
      `\n${findings.length} possible secret(s) in ${targets.length} files. Remove them (and rotate them if they were real), ` +
        `or — for a test fixture — add it to ${allowFile} or mark the line with "${ALLOW_INLINE}".\n`,
    );
    return 1;
  }
  process.stdout.write(`No secrets found in ${targets.length} files.\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
