/**
 * The house rules, checked: in lib/ a domain imports another only through its index.ts and the
 * domain graph has no circle; no source file in lib/, entrypoints/ or components/ is over 300
 * lines. Prints the graph's layers (lowest first) and any breach; exits 1 on a breach.
 * `npx tsx scripts/check-imports.ts`
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const LIB = join(ROOT, 'lib');
const MAX_LINES = 300;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

const breaches: string[] = [];
for (const dir of ['lib', 'entrypoints', 'components']) {
  for (const file of files(join(ROOT, dir))) {
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    if (lines > MAX_LINES) breaches.push(`${relative(ROOT, file)} has ${lines} lines (at most ${MAX_LINES})`);
  }
}
const edges = new Map<string, Set<string>>();
for (const file of files(LIB)) {
  const from = relative(LIB, file).split('/')[0];
  if (!edges.has(from)) edges.set(from, new Set());
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
    const target = relative(LIB, normalize(join(dirname(file), spec)));
    if (target.startsWith('..')) continue;
    const [to, ...rest] = target.split('/');
    if (to === from) continue;
    edges.get(from)?.add(to);
    const path = rest.join('/').replace(/\.tsx?$/, '');
    if (path !== '' && path !== 'index') breaches.push(`${relative(LIB, file)} imports ${target}: not through ${to}/index.ts`);
  }
}

// Layers: a domain sits above everything it imports. A circle leaves domains unplaced.
const layer = new Map<string, number>();
for (let changed = true; changed; ) {
  changed = false;
  for (const [domain, deps] of edges) {
    if (layer.has(domain)) continue;
    if ([...deps].every((d) => layer.has(d) || !edges.has(d))) {
      layer.set(domain, Math.max(-1, ...[...deps].map((d) => layer.get(d) ?? -1)) + 1);
      changed = true;
    }
  }
}
for (const domain of edges.keys())
  if (!layer.has(domain))
    breaches.push(`${domain} is in an import circle with: ${[...(edges.get(domain) ?? [])].filter((d) => !layer.has(d)).join(', ')}`);

const byLayer = [...layer].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
for (const [domain, n] of byLayer) console.log(`${n}  ${domain.padEnd(12)} -> ${[...(edges.get(domain) ?? [])].sort().join(', ') || '(nothing)'}`);
for (const breach of breaches) console.error(`BREACH ${breach}`);
console.log(
  breaches.length
    ? `${breaches.length} breaches`
    : 'house rules hold: no circle in lib/, every cross-domain import through an index, no file over 300 lines',
);
process.exit(breaches.length ? 1 : 0);
