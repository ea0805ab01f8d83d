import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../lib/ports/memory';
import { createNonceManager, type NonceSource } from '../../../lib/signing/nonces';

const ADDRESS = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function chain(pending: number, known: Hex[] = []): NonceSource & { known: Hex[] } {
  return { known, pendingCount: async () => pending, knowsTransaction: async (h) => known.includes(h) };
}

describe('nonce manager', () => {
  it('never hands out the same nonce to concurrent sends', async () => {
    const manager = createNonceManager(createMemoryStore());
    const node = chain(5);
    const used: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        manager.withNextNonce(1, ADDRESS, node, async (nonce) => {
          used.push(nonce);
          const hash = `0x${String(i).padStart(64, '0')}` as Hex;
          node.known.push(hash);
          return hash;
        }),
      ),
    );
    expect(used.sort()).toEqual([5, 6, 7, 8, 9]);
  });

  it('continues after a service-worker restart while the node has not seen the last transaction', async () => {
    const store = createMemoryStore();
    const node = chain(3, ['0x01' as Hex]);
    await createNonceManager(store).withNextNonce(1, ADDRESS, node, async () => '0x01');
    const afterRestart = createNonceManager(store);
    expect(await afterRestart.withNextNonce(1, ADDRESS, node, async (n) => `0x${n.toString(16).padStart(2, '0')}` as Hex)).toBe('0x04');
  });

  it('trusts the node again when it no longer knows our last transaction (dropped, or a reset devnet)', async () => {
    const store = createMemoryStore();
    await createNonceManager(store).withNextNonce(1, ADDRESS, chain(40, ['0xaa' as Hex]), async () => '0xaa');
    let nonce = -1;
    await createNonceManager(store).withNextNonce(1, ADDRESS, chain(0), async (n) => {
      nonce = n;
      return '0xbb';
    });
    expect(nonce).toBe(0);
  });

  it('does not count a nonce whose send failed', async () => {
    const manager = createNonceManager(createMemoryStore());
    const node = chain(7);
    await expect(manager.withNextNonce(1, ADDRESS, node, async () => Promise.reject(new Error('rejected by node')))).rejects.toThrow(
      'rejected by node',
    );
    let nonce = -1;
    await manager.withNextNonce(1, ADDRESS, node, async (n) => {
      nonce = n;
      return '0x01';
    });
    expect(nonce).toBe(7);
  });
});
