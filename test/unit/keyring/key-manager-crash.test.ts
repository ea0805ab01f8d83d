import { describe, expect, it } from 'vitest';
import type { KeyManager } from '../../../lib/keyring';
import type { KeyValueStore } from '../../../lib/ports';
import { createMemoryStore } from '../../../lib/ports/memory';
import { VAULT_SLOT_KEYS } from '../../../lib/vault';
import { createFaultyStore, FAULT_MODES } from '../vault/faulty-store';
import { TEST_ACCOUNTS } from './fixtures';
import { createdWallet, legacyV1Vault, managerOver, type MemoryStore, PASSWORD } from './manager-helpers';

/**
 * Each operation is interrupted at its Nth write to storage.local, for every N, in each
 * fault mode; then the "browser" restarts (new manager, empty session) and the vault must
 * open as it was before the operation or as it is after it, never neither.
 */

interface Outcome {
  password: string;
  addresses: string[];
}
interface Scenario {
  name: string;
  start(): Promise<MemoryStore>;
  act(manager: KeyManager): Promise<unknown>;
  before: Outcome;
  after: Outcome;
}

const [a0, a1, a2] = TEST_ACCOUNTS.map((a) => a.address);
const NEW_PASSWORD = 'a brand new password';

async function unlockedOver(local: MemoryStore) {
  return (await createdWallet({ local, session: createMemoryStore() })).stores.local;
}

const scenarios: Scenario[] = [
  {
    name: 'adding an account',
    start: () => unlockedOver(createMemoryStore()),
    act: async (m) => {
      await m.unlock(PASSWORD);
      await m.addAccount();
    },
    before: { password: PASSWORD, addresses: [a0] },
    after: { password: PASSWORD, addresses: [a0, a1] },
  },
  {
    name: 'importing a private key',
    start: () => unlockedOver(createMemoryStore()),
    act: async (m) => {
      await m.unlock(PASSWORD);
      await m.importPrivateKey(TEST_ACCOUNTS[2].privateKey);
    },
    before: { password: PASSWORD, addresses: [a0] },
    after: { password: PASSWORD, addresses: [a0, a2] },
  },
  {
    name: 'changing the password',
    start: () => unlockedOver(createMemoryStore()),
    act: async (m) => {
      await m.unlock(PASSWORD);
      await m.changePassword(PASSWORD, NEW_PASSWORD);
    },
    before: { password: PASSWORD, addresses: [a0] },
    after: { password: NEW_PASSWORD, addresses: [a0] },
  },
  {
    name: 'upgrading a v1 vault on unlock',
    start: async () => createMemoryStore(await legacyV1Vault()),
    act: (m) => m.unlock(PASSWORD),
    before: { password: PASSWORD, addresses: [a0] },
    after: { password: PASSWORD, addresses: [a0] },
  },
];

function runScenario(scenario: Scenario, local: KeyValueStore) {
  return scenario.act(managerOver({ local, session: createMemoryStore() }));
}

async function opensAs(local: MemoryStore, outcome: Outcome): Promise<boolean> {
  const manager = managerOver({ local, session: createMemoryStore() });
  try {
    await manager.unlock(outcome.password);
  } catch {
    return false;
  }
  return JSON.stringify((await manager.listAccounts()).map((a) => a.address)) === JSON.stringify(outcome.addresses);
}

const MAX_WRITES = 4;
// Also start from a vault whose other slot an earlier crash left torn.
const damage = [undefined, ...VAULT_SLOT_KEYS];
const cases = scenarios.flatMap((scenario) =>
  damage.flatMap((damaged) =>
    Array.from({ length: MAX_WRITES }, (_, i) => i + 1).flatMap((failAt) =>
      FAULT_MODES.map((mode) => [scenario.name, damaged ?? 'no slot', failAt, mode, scenario, damaged] as const),
    ),
  ),
);

describe('interrupted saves', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))(
    '%s takes fewer writes than the cases below interrupt, so every write is covered',
    async (_name, scenario) => {
      const local = await scenario.start();
      const counting = createFaultyStore(local, Number.POSITIVE_INFINITY, 'throw');
      await runScenario(scenario, counting);
      expect(counting.writes()).toBeGreaterThan(0);
      expect(counting.writes()).toBeLessThan(MAX_WRITES);
      expect(await opensAs(local, scenario.after)).toBe(true);
    },
  );

  it.each(cases)(
    '%s (%s damaged before), interrupted at write %i (%s), leaves the old or the new vault',
    async (_name, _label, failAt, mode, scenario, damaged) => {
      const local = await scenario.start();
      if (damaged) await local.set({ [damaged]: { generation: 99, digest: 'torn' } });
      await runScenario(scenario, createFaultyStore(local, failAt, mode)).catch(() => undefined);
      const opensOld = await opensAs(local, scenario.before);
      const opensNew = await opensAs(local, scenario.after);
      expect(opensOld || opensNew).toBe(true);
    },
  );
});
