/**
 * Regenerates lib/sites/data/phishing-list.json, the phishing origin list the wallet checks a
 * site against before it connects, from the list npm `eth-phishing-detect` bundles
 * (src/config.json; the version pinned in package.json is the one shipped).
 *
 *   npx tsx scripts/build-phishing-list.ts
 *
 * The package's 377 KB become about 150 KB (61 KB zipped): a blocked domain whose parent domain
 * is also blocked is dropped (the parent blocks it), and each list is one string of host names
 * with their labels reversed ("com.example.app"), sorted and front-coded: each line starts with
 * one character, code 48 + n, saying it shares its first n characters with the line before.
 * The background fetches the file only when a site first asks to connect.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DIR = join(root, 'node_modules/eth-phishing-detect');
const OUTPUT = join(root, 'lib/sites/data/phishing-list.json');
/** Longest prefix one character can name: '0' (48) .. 'z' (122). */
const MAX_SHARED = 74;

interface LegacyConfig {
  version: number;
  tolerance: number;
  fuzzylist: string[];
  whitelist: string[];
  blacklist: string[];
}

const clean = (host: string) => host.trim().toLowerCase().replace(/\.$/, '');
const reversed = (host: string) => host.split('.').reverse().join('.');

function frontCoded(hosts: Iterable<string>): string {
  const sorted = [...new Set([...hosts].map((h) => reversed(clean(h))))].sort();
  let previous = '';
  return sorted
    .map((line) => {
      let shared = 0;
      while (shared < MAX_SHARED && shared < previous.length && shared < line.length && previous[shared] === line[shared]) shared++;
      previous = line;
      return String.fromCharCode(48 + shared) + line.slice(shared);
    })
    .join('\n');
}

/** Drops a blocked host whose parent domain is blocked too: the parent's entry already covers it. */
function withoutCovered(hosts: string[]): string[] {
  const all = new Set(hosts.map(clean));
  return [...all].filter((host) => {
    const labels = host.split('.');
    for (let i = 1; i < labels.length; i++) if (all.has(labels.slice(i).join('.'))) return false;
    return true;
  });
}

async function main() {
  const config = JSON.parse(await readFile(join(PACKAGE_DIR, 'src/config.json'), 'utf8')) as LegacyConfig;
  const { version } = JSON.parse(await readFile(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  const blocked = withoutCovered(config.blacklist);
  const out = {
    source: `npm eth-phishing-detect ${version}, src/config.json (MetaMask's list); regenerate with npx tsx scripts/build-phishing-list.ts`,
    package: 'eth-phishing-detect',
    version,
    configVersion: config.version,
    tolerance: config.tolerance,
    fuzzylist: config.fuzzylist.map(clean),
    allowlist: frontCoded(config.whitelist),
    blocklist: frontCoded(blocked),
  };
  await writeFile(OUTPUT, `${JSON.stringify(out)}\n`);
  console.log(
    `wrote ${OUTPUT}: ${blocked.length} blocked (of ${config.blacklist.length}), ${config.whitelist.length} allowed, ${config.fuzzylist.length} fuzzy targets`,
  );
}

await main();
