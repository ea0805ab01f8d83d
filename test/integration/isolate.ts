// Every integration test leaves the shared devnet as it found it: a snapshot before, a revert after.
import { afterEach, beforeEach } from 'vitest';
import { snapshot } from '../../devnet/test-kit.ts';

export function revertChainAfterEachTest(testClient: Parameters<typeof snapshot>[0]): void {
  let revert: () => Promise<void>;
  beforeEach(async () => {
    revert = await snapshot(testClient);
  });
  afterEach(async () => {
    await revert();
  });
}
