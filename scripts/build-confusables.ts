/**
 * Regenerates lib/names/data/confusables.json, the confusable table the wallet's skeletons use,
 * from the Unicode confusables.txt mapping (UTS #39) as the npm package `unhomoglyph` ships it
 * (its data.json, pinned in devDependencies).
 *
 *   npx tsx scripts/build-confusables.ts
 *
 * Only what a skeleton can meet is kept, so the table stays a few KB in the background bundle:
 * - characters a skeleton can still see: the skeleton applies NFKC and NFD and drops combining
 *   marks first, so a character those change never reaches the table (full-width and
 *   mathematical letters are already plain letters by then);
 * - prototypes that are printable ASCII: the names the wallet guards (registry symbols, the
 *   well-known symbols, dApp domains) are ASCII, and confusables.txt maps every character to
 *   one prototype, so a character whose prototype is not ASCII cannot be confused with them.
 * The file groups characters by prototype: { "A": "ΑА…", "rn": "m", … }.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(root, 'node_modules/unhomoglyph/data.json');
const PACKAGE = join(root, 'node_modules/unhomoglyph/package.json');
const OUTPUT = join(root, 'lib/names/data/confusables.json');

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const MARK = /\p{M}/u;

async function main() {
  const data = JSON.parse(await readFile(SOURCE, 'utf8')) as Record<string, string>;
  const { version } = JSON.parse(await readFile(PACKAGE, 'utf8')) as { version: string };
  const byPrototype = new Map<string, string[]>();
  let kept = 0;
  for (const [char, prototype] of Object.entries(data)) {
    if ([...char].length !== 1 || !PRINTABLE_ASCII.test(prototype) || char === prototype) continue;
    if (char.normalize('NFKC') !== char || char.normalize('NFD') !== char || MARK.test(char)) continue;
    byPrototype.set(prototype, [...(byPrototype.get(prototype) ?? []), char]);
    kept++;
  }
  const prototypes = Object.fromEntries(
    [...byPrototype]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([prototype, chars]) => [prototype, chars.sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('')]),
  );
  const out = {
    source: `Unicode confusables.txt (UTS #39) as shipped in npm unhomoglyph ${version}; regenerate with npx tsx scripts/build-confusables.ts`,
    prototypes,
  };
  await writeFile(OUTPUT, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${OUTPUT}: ${kept} of ${Object.keys(data).length} characters, ${byPrototype.size} prototypes`);
}

await main();
