// A build step for the extension bundle: every `parseAbi([...])` written with literal strings is
// replaced by the ABI it yields, as JSON. The source keeps human-readable signatures; the service
// worker no longer parses about twenty ABIs each time it starts (measured: about 6 ms of its
// start-up in Node). Calls with anything but string literals are left to run as written.
import { parseAbi } from 'viem';

const CALL = /\bparseAbi\(\[((?:\s*(?:'[^'\\\n]*'|"[^"\\\n]*")\s*,?)+)\s*\]\)/g;
const STRING = /'([^'\\\n]*)'|"([^"\\\n]*)"/g;

/** `code` with each literal `parseAbi([...])` replaced by its JSON ABI. */
export function precompileAbis(code: string): string {
  return code.replace(CALL, (_call, list: string) => {
    const signatures = [...list.matchAll(STRING)].map((m) => m[1] ?? m[2]);
    return `(${JSON.stringify(parseAbi(signatures))})`;
  });
}

/** The Vite plugin (typed structurally: WXT bundles its own copy of Vite's types). */
export function precompiledAbis() {
  return {
    name: 'sharekeep:precompiled-abis',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/\/lib\/.*\.ts$/.test(id) || !code.includes('parseAbi([')) return null;
      return { code: precompileAbis(code), map: null };
    },
  };
}
