// Builds the extension for both browsers once and serves the e2e fixtures on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ROOT } from './support/paths.ts';
import { serveStatic } from './support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!process.env.SHAREKEEP_E2E_SKIP_BUILD) {
    for (const args of [['build'], ['build', '-b', 'firefox']]) {
      execFileSync('npx', ['wxt', ...args], { cwd: ROOT, stdio: 'ignore' });
    }
  }
  const fixtures = await serveStatic({ '/': `${ROOT}/test/e2e/fixtures` });
  project.provide('fixturesUrl', fixtures.url);
  return async () => {
    await fixtures.close();
  };
}
