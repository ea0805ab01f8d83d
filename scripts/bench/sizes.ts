// Size of every built entrypoint (raw and gzip) and of the store zips.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchRow, round } from './stats.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function measureSizes(outputDir: string): BenchRow[] {
  const rows: BenchRow[] = [];
  const build = join(outputDir, 'chrome-mv3');
  const budgets: Record<string, number> = { 'content-scripts/inpage.js': 10, 'content-scripts/content.js': 10 };
  for (const file of walk(build).filter((f) => /\.(js|css|html)$/.test(f))) {
    const rel = relative(build, file);
    const raw = readFileSync(file);
    const kb = raw.length / 1024;
    const budget = budgets[rel];
    rows.push({
      name: `size ${rel}`,
      value: round(kb),
      unit: 'KB',
      note: `gzip ${round(gzipSync(raw).length / 1024)} KB`,
      ...(budget ? { target: `<= ${budget} KB`, ok: kb <= budget } : {}),
    });
  }
  for (const zip of readdirSync(outputDir).filter((f) => f.endsWith('.zip'))) {
    const mb = statSync(join(outputDir, zip)).size / 1024 / 1024;
    const isChrome = zip.includes('chrome');
    rows.push({ name: `zip ${zip}`, value: round(mb, 3), unit: 'MB', ...(isChrome ? { target: '<= 1 MB', ok: mb <= 1 } : {}) });
  }
  return rows;
}
