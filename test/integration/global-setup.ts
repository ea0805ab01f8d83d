import type { TestProject } from 'vitest/node';
import { startDevnet } from '../../devnet/index.ts';
import type { Deployment } from '../../devnet/types.ts';

declare module 'vitest' {
  interface ProvidedContext {
    deployment: Deployment;
  }
}

/** Starts one devnet (free ports, market forced open) for the whole integration run. */
export default async function setup(project: TestProject) {
  const devnet = await startDevnet({ market: 'open' });
  project.provide('deployment', devnet.deployment);
  return async () => {
    await devnet.stop();
  };
}
