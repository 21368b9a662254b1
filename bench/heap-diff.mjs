// `node bench/heap-diff.mjs before.heapsnapshot after.heapsnapshot [rows]`: what grew between two
// V8 heap snapshots, by constructor (node type + name): count and self size, largest growth first.
import { readFileSync } from 'node:fs';

function tally(file) {
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const meta = snapshot.snapshot.meta;
  const fields = meta.node_fields;
  const types = meta.node_types[0];
  const width = fields.length;
  const at = {
    type: fields.indexOf('type'),
    name: fields.indexOf('name'),
    size: fields.indexOf('self_size'),
  };
  const byName = new Map();
  const nodes = snapshot.nodes;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + at.type]];
    const name =
      type === 'object' || type === 'closure' || type === 'native'
        ? snapshot.strings[nodes[i + at.name]]
        : '';
    const key = `${type}${name ? ` ${name.slice(0, 60)}` : ''}`;
    const entry = byName.get(key) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += nodes[i + at.size];
    byName.set(key, entry);
  }
  return byName;
}

const [beforeFile, afterFile, rows = '25'] = process.argv.slice(2);
const before = tally(beforeFile);
const after = tally(afterFile);
const keys = new Set([...before.keys(), ...after.keys()]);
const diff = [...keys].map((key) => {
  const b = before.get(key) ?? { count: 0, size: 0 };
  const a = after.get(key) ?? { count: 0, size: 0 };
  return { key, count: a.count - b.count, size: a.size - b.size, total: a.size };
});
const total = (m) => [...m.values()].reduce((sum, e) => sum + e.size, 0);
console.log(
  `self size: ${(total(before) / 1e6).toFixed(1)} MB → ${(total(after) / 1e6).toFixed(1)} MB`,
);
console.log('   Δcount     Δbytes  constructor');
for (const d of diff.sort((x, y) => Math.abs(y.size) - Math.abs(x.size)).slice(0, Number(rows))) {
  console.log(`${String(d.count).padStart(9)} ${String(d.size).padStart(10)}  ${d.key}`);
}
