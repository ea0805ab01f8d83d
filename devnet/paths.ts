import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The devnet folder, wherever the process was started from. */
export const devnetDir = dirname(fileURLToPath(import.meta.url));
export const contractsDir = join(devnetDir, 'contracts');
export const buildDir = join(devnetDir, 'build');
export const dappDir = join(devnetDir, 'dapp');
export const nodeModulesDir = join(devnetDir, '..', 'node_modules');
export const anvilBinary = join(nodeModulesDir, '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil');
