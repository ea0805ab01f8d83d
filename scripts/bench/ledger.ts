// The Ledger support's cost: the lazily loaded chunk the approval window and the onboarding page
// import when a hardware account is used, and the check that the service worker, the popup's
// entry (with what it loads before first paint) and the content scripts carry none of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchRow, round } from './stats.ts';

/** Strings only Ledger's libraries contain (hw-app-eth's APDU flows, the WebHID transport). */
const LEDGER_MARKERS = ['signEIP712HashedMessage', 'TransportWebHID', 'hw-app-eth'];

const kb = (bytes: number) => round(bytes / 1024);
const hasLedger = (text: string) => LEDGER_MARKERS.some((m) => text.includes(m));

/** A page's entry script and the chunks it preloads (what runs before anything is imported lazily). */
function pageEntry(build: string, html: string): string[] {
  const page = readFileSync(join(build, html), 'utf8');
  return [...page.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
}

export function measureLedger(outputDir: string): BenchRow[] {
  const build = join(outputDir, 'chrome-mv3');
  const chunks = readdirSync(join(build, 'chunks')).map((name) => `chunks/${name}`);
  const ledger = chunks.filter((file) => hasLedger(readFileSync(join(build, file), 'utf8')));
  const ledgerBytes = ledger.map((file) => readFileSync(join(build, file)));
  const total = ledgerBytes.reduce((n, b) => n + b.length, 0);
  const rows: BenchRow[] = [
    {
      name: 'size ledger chunk (lazy, approval + onboarding)',
      value: kb(total),
      unit: 'KB',
      note: `${ledger.join(', ') || 'none found'}; gzip ${kb(ledgerBytes.reduce((n, b) => n + gzipSync(b).length, 0))} KB`,
      target: 'one lazy chunk',
      ok: ledger.length === 1,
    },
  ];
  const eager: Record<string, string[]> = {
    'service worker (background.js)': ['background.js'],
    'popup entry (popup.html scripts)': pageEntry(build, 'popup.html'),
    'content scripts': ['content-scripts/content.js', 'content-scripts/inpage.js'],
  };
  for (const [name, files] of Object.entries(eager)) {
    const texts = files.map((file) => readFileSync(join(build, file), 'utf8'));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const clean = !texts.some(hasLedger) && !files.some((f) => ledger.includes(f));
    rows.push({
      name: `size ${name} with Ledger support`,
      value: kb(bytes),
      unit: 'KB',
      target: 'no Ledger code',
      ok: clean,
      note: files.join(', '),
    });
  }
  return rows;
}

// `npx tsx scripts/bench/ledger.ts` after `npx wxt build`: this row alone.
if (process.argv[1] === import.meta.filename) console.table(measureLedger(join(import.meta.dirname, '..', '..', '.output')));
