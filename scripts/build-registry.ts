/**
 * Regenerates lib/registry/data/registry.json from the issuers' token lists, the issuer
 * facts in lib/registry/build/issuer-facts.ts and the jurisdiction rules in
 * lib/registry/issuer-rules.ts (each from the issuer's published terms).
 *
 *   node --experimental-strip-types scripts/build-registry.ts [--lists DIR] [--rpc CHAIN_ID=URL ...]
 *   (Node 20 has no --experimental-strip-types: run it with `npx tsx scripts/build-registry.ts`)
 *
 * With --rpc, Dinari dShares are read from the DShareFactory on each chain given.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCompactRegistry, DINARI_FACTORIES, TOKEN_LIST_FILES } from '../lib/registry/build/index.ts';
import { fetchDinariDShares } from '../lib/registry/dinari.ts';
import type { RpcRequester } from '../lib/registry/rpc.ts';
import type { Token } from '../lib/registry/schema.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(root, 'lib/registry/data/registry.json');

function parseArgs(argv: string[]) {
  let lists = resolve(root, '../shared/data/tokenlists');
  const rpcs = new Map<number, string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lists') lists = resolve(argv[++i]);
    else if (argv[i] === '--rpc') {
      const [chainId, url] = argv[++i].split(/=(.*)/);
      rpcs.set(Number(chainId), url);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { lists, rpcs };
}

function httpRpc(url: string): RpcRequester {
  let id = 0;
  return {
    async request({ method, params = [] }) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
      });
      const body = (await response.json()) as { result?: unknown; error?: { message: string } };
      if (body.error) throw new Error(body.error.message);
      return body.result;
    },
  };
}

async function main() {
  const { lists, rpcs } = parseArgs(process.argv.slice(2));
  const parsed: Record<string, unknown> = {};
  for (const { file } of TOKEN_LIST_FILES) parsed[file] = JSON.parse(await readFile(join(lists, file), 'utf8'));

  const dShares: Token[] = [];
  for (const [chainId, factory] of DINARI_FACTORIES) {
    const url = rpcs.get(chainId);
    if (!url) continue;
    const { tokens, skipped } = await fetchDinariDShares(httpRpc(url), factory, { chainId });
    dShares.push(...tokens);
    for (const s of skipped) console.warn(`chain ${chainId}: skipped dShare ${s.address}: ${s.reason}`);
  }

  const compact = buildCompactRegistry(parsed, dShares);
  const json = `${JSON.stringify(compact)}\n`;
  await writeFile(OUTPUT, json);
  const count = compact.families.deployments.flat().reduce((n, d) => n + d.split(':')[0].split('.').length, 0);
  const withOwnRule = compact.families.rule.filter((r) => r >= 0).length;
  console.log(
    `wrote ${OUTPUT}: ${count} tokens, ${compact.families.symbol.length} families (${withOwnRule} with their own rule), ${(json.length / 1024).toFixed(1)} KiB`,
  );
  // What is sourced beyond the lists: a fact no source gives stays unknown, and is counted as such.
  const issuerFeeds = compact.issuers.reduce((n, i) => n + (i.feeds?.length ?? 0), 0);
  const contracts = compact.issuers.reduce((n, i) => n + i.contracts.reduce((m, c) => m + c.chains.length, 0), 0);
  console.log(
    `sourced: ${compact.feeds.length} tokens with feeds, ${compact.listings.length} families with exchange or ISIN, ${contracts} issuer contracts, ${issuerFeeds} issuer feeds of unlisted products`,
  );
}

await main();
