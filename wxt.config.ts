import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { precompiledAbis } from './scripts/vite/precompiled-abis';

// SHAREKEEP_DEVNET=devnet/deployment.json builds the wallet for the local market: its tokens,
// issuers, DEX factories and RPC URL. Only public facts are taken from the file (never its test mnemonic).
function devnetDefinition(): string {
  const path = process.env.SHAREKEEP_DEVNET;
  if (!path) return 'null';
  const { chainId, rpcUrl, issuerServiceUrl, contracts, tokens, issuers, dex, forks } = JSON.parse(readFileSync(path, 'utf8'));
  return JSON.stringify({ chainId, rpcUrl, issuerServiceUrl, contracts, tokens, issuers, dex, forks });
}

// SHAREKEEP_LOCAL_CHAIN=path/to/local-chain.json builds the store wallet (the bundled registry)
// for one local node standing in for a public chain, e.g. an anvil with chain id 1 and code at the
// tokens' real addresses: { chainId, rpcUrl, registry } where `registry` adds to the bundled one
// what that node holds and the bundle lacks (feeds, a DEX). Its other networks start turned off.
function localChainDefinition(): string {
  const path = process.env.SHAREKEEP_LOCAL_CHAIN;
  if (!path) return 'null';
  const { chainId, rpcUrl, registry } = JSON.parse(readFileSync(path, 'utf8'));
  if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(rpcUrl)) throw new Error(`SHAREKEEP_LOCAL_CHAIN: ${rpcUrl} is not a node on this machine`);
  return JSON.stringify({ chainId, rpcUrl, registry });
}

// Extension pages (and the service worker) may not be framed (clickjacking), load only our own
// scripts, and connect only where the wallet talks: its own files, RPC nodes and issuer APIs.
// Those are any https origin the user or the registry names (an RPC URL may be any https URL
// the user adds, so no host list can be fixed here), or plain http to this machine (a local
// node, the devnet), the same rule lib/networks applies to RPC URLs. Which https origins are
// actually asked is decided in lib/ (configured RPC URLs, allowlisted issuers); the CSP is the
// backstop that keeps everything else (plain http elsewhere, ws:, data:, blob:) out.
const CONNECT_SRC = "connect-src 'self' https: http://127.0.0.1:* http://localhost:*";
// WXT's dev server reloads the extension over a websocket to localhost.
const DEV_CONNECT_SRC = ' ws://localhost:* ws://127.0.0.1:*';
const extensionPagesCsp = (dev: boolean) =>
  `script-src 'self'; object-src 'self'; frame-ancestors 'none'; ${CONNECT_SRC}${dev ? DEV_CONNECT_SRC : ''};`;

// Firefox asks new add-ons to declare data collection; WXT's types predate the key.
const gecko = { id: 'wallet@sharekeep.app', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } };

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  // e2e runs build into their own folder so parallel runs never share an output.
  outDir: process.env.SHAREKEEP_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [precompiledAbis()],
    define: { __SHAREKEEP_DEVNET__: devnetDefinition(), __SHAREKEEP_LOCAL_CHAIN__: localChainDefinition() },
  }),
  hooks: {
    // Chrome's worker loads as a module, still the one self-contained file WXT bundles (an IIFE
    // runs the same as a module). On a fresh install Chrome compiles a classic worker's whole
    // script before its first line runs; as a module it started in about half the time (fresh
    // profiles, median of 8: ready 128 ms classic, 73 ms module). WXT's own `type: 'module'`
    // splits the worker into chunks shared with the pages, which measured no faster (101 ms):
    // hence the one file. No import() either way (MV3 workers refuse it); Firefox keeps its event
    // page, and `wxt dev` its own reloading worker.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.command === 'build' && wxt.config.browser !== 'firefox' && manifest.background && 'service_worker' in manifest.background)
        manifest.background = { ...manifest.background, type: 'module' };
    },
    // The registry ships as a file the background fetches on first need, so it costs the
    // service worker's start-up nothing (an import would be inlined into background.js).
    // The phishing list likewise: fetched on the first connect request, never at start-up.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'registry.json', absoluteSrc: resolve(import.meta.dirname, 'lib/registry/data/registry.json') });
      files.push({ relativeDest: 'phishing-list.json', absoluteSrc: resolve(import.meta.dirname, 'lib/sites/data/phishing-list.json') });
    },
  },
  manifest: ({ browser, command }) => ({
    name: 'Sharekeep',
    description: 'Self-custody wallet for tokenized stocks: what each token really is, before you sign.',
    permissions: ['storage', 'alarms'],
    content_security_policy: { extension_pages: extensionPagesCsp(command === 'serve') },
    action: { default_title: 'Sharekeep' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko } } : {}),
  }),
});
