import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../lib/ports/memory';
import { TEST_ACCOUNTS, TEST_PHRASE } from './fixtures';
import { createStores, managerOver, PASSWORD } from './manager-helpers';

/**
 * Walks a wallet through its whole life - create, accounts, imports, mistakes, password
 * change, lock, restart - and then looks for any secret in clear in storage.local,
 * storage.session, the console and every error it raised.
 */

const NEW_PASSWORD = 'another long password';
const IMPORTED_KEY = TEST_ACCOUNTS[2].privateKey;

function secretsIn(text: string): string[] {
  const secrets = [TEST_PHRASE, PASSWORD, NEW_PASSWORD, ...TEST_ACCOUNTS.map((a) => a.privateKey.slice(2))];
  const lower = text.toLowerCase();
  return secrets.filter((secret) => lower.includes(secret.toLowerCase()));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('secrets stay secret', () => {
  it('no phrase, private key or password appears in storage, logs or errors', async () => {
    const logged: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      });
    }
    const errors: unknown[] = [];
    const attempt = (promise: Promise<unknown>) =>
      promise.catch((err: unknown) => {
        errors.push(err);
      });

    const stores = createStores();
    const manager = managerOver(stores);
    await manager.createFromMnemonic(TEST_PHRASE, PASSWORD);
    await manager.addAccount();
    await manager.importPrivateKey(IMPORTED_KEY, 'Hot');
    await attempt(manager.importPrivateKey(IMPORTED_KEY));
    await attempt(manager.importPrivateKey(`${IMPORTED_KEY}00`));
    await attempt(manager.createFromMnemonic(TEST_PHRASE, PASSWORD));
    await attempt(manager.revealMnemonic(NEW_PASSWORD));
    await attempt(manager.exportPrivateKey(TEST_ACCOUNTS[0].address, NEW_PASSWORD));
    await attempt(manager.changePassword(NEW_PASSWORD, PASSWORD));
    await manager.changePassword(PASSWORD, NEW_PASSWORD);
    await manager.lock();
    await attempt(manager.unlock(PASSWORD));
    await attempt(manager.signMessage(TEST_ACCOUNTS[0].address, 'while locked'));
    const restarted = managerOver({ local: stores.local, session: createMemoryStore() });
    await restarted.unlock(NEW_PASSWORD);
    await restarted.signMessage(TEST_ACCOUNTS[1].address, 'hello');

    expect(errors.length).toBeGreaterThanOrEqual(8);
    const errorText = errors.map((err) => `${String(err)} ${JSON.stringify(err)} ${(err as Error).stack ?? ''}`).join('\n');
    expect(secretsIn(errorText)).toEqual([]);
    expect(secretsIn(JSON.stringify(logged))).toEqual([]);
    expect(secretsIn(JSON.stringify(stores.local.dump()))).toEqual([]);
    expect(secretsIn(JSON.stringify(stores.session.dump()))).toEqual([]);
    expect(secretsIn(JSON.stringify(restarted))).toEqual([]);
  });

  it('the scan would notice a secret if one leaked', () => {
    expect(secretsIn(JSON.stringify({ leaked: TEST_ACCOUNTS[1].privateKey }))).toHaveLength(1);
  });
});
