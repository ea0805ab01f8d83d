// npm run bench: builds, zips, measures; prints a table and writes bench-results.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureApprovalLatency } from './bench/approval.ts';
import { measureBrowser } from './bench/browser.ts';
import { measureGuard } from './bench/guard.ts';
import { measureLedger } from './bench/ledger.ts';
import { measurePortfolio } from './bench/portfolio.ts';
import { measureSizes } from './bench/sizes.ts';
import type { BenchRow } from './bench/stats.ts';
import { measureWallet } from './bench/wallet.ts';

const root = join(import.meta.dirname, '..');
execFileSync('npx', ['wxt', 'zip'], { cwd: root, stdio: 'ignore' });
execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: root, stdio: 'ignore' });

const rows: BenchRow[] = [
  ...measureSizes(join(root, '.output')),
  ...measureLedger(join(root, '.output')),
  ...(await measureBrowser()),
  ...(await measureWallet()),
  ...(await measurePortfolio()),
  ...(await measureApprovalLatency()),
  ...(await measureGuard()),
];

const table = rows.map((r) => ({
  measure: r.name,
  value: `${r.value} ${r.unit}`,
  target: r.target ?? '',
  ok: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
  note: r.note ?? '',
}));
console.table(table);
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log('wrote bench-results.json');
