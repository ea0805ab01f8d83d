/**
 * The registry shipped with the extension. The data is a separate chunk, imported only
 * when this function runs: the background calls it lazily, the popup never does.
 */
import { unpackRegistry } from './compact.ts';
import type { RegistryData } from './schema.ts';

let cached: Promise<RegistryData> | undefined;

export function loadBundledRegistry(): Promise<RegistryData> {
  cached ??= import('./data/registry.json').then((m) => unpackRegistry(m.default));
  return cached;
}
