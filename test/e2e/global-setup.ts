// Starts the devnet, builds the extension for it (both browsers) and serves the e2e fixtures
// and @metamask/test-dapp on 127.0.0.1. Everything stops at teardown.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevnet } from '../../devnet/index.ts';
import type { Deployment } from '../../devnet/types.ts';
import { ROOT } from './support/paths.ts';
import { serveStatic } from './support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesUrl: string;
    testDappUrl: string;
    deployment: Deployment;
    chromeExtensionDir: string;
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject) {
  const devnet = await startDevnet({ market: 'open' });
  const workDir = mkdtempSync(join(tmpdir(), 'sharekeep-e2e-'));
  const deploymentFile = join(workDir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify(devnet.deployment));
  const outDir = join(workDir, 'output');
  const env = { ...process.env, SHAREKEEP_DEVNET: deploymentFile, SHAREKEEP_OUT_DIR: outDir };
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    execFileSync('npx', ['wxt', ...args], { cwd: ROOT, stdio: 'ignore', env });
  }
  project.provide('chromeExtensionDir', join(outDir, 'chrome-mv3'));
  project.provide('firefoxExtensionDir', join(outDir, 'firefox-mv3'));
  const fixtures = await serveStatic({ '/': `${ROOT}/test/e2e/fixtures` });
  const testDapp = await serveStatic({ '/': `${ROOT}/node_modules/@metamask/test-dapp/dist` });
  project.provide('fixturesUrl', fixtures.url);
  project.provide('testDappUrl', testDapp.url);
  project.provide('deployment', devnet.deployment);
  return async () => {
    await Promise.all([fixtures.close(), testDapp.close()]);
    await devnet.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
