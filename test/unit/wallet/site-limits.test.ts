// What one site may do to the wallet's attention (issue 10, items 10, 11 and 6), seen from dApps.
import { describe, expect, it } from 'vitest';
import { MAX_PENDING_PER_ORIGIN } from '../../../lib/approvals';
import { ACCOUNT_0, connect, createTestWallet, SITE } from './harness';

const OTHER = 'https://other.example';
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: { code: number }) => e.code,
  );
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('one site and the approval queue', () => {
  it('cannot keep more than a few requests waiting; another site is still asked', async () => {
    const t = await createTestWallet();
    await connect(t);
    for (let i = 0; i < MAX_PENDING_PER_ORIGIN; i++) void code(t.request('personal_sign', [`0x0${i}`, ACCOUNT_0]));
    await settle();
    expect(await code(t.request('personal_sign', ['0xff', ACCOUNT_0]))).toBe(-32002);
    void code(t.request('eth_requestAccounts', undefined, OTHER));
    await settle();
    expect(t.wallet.approvals.list().filter((p) => p.origin === OTHER)).toHaveLength(1);
  });

  it('brings the approval window up once for a burst of its requests, not once per request', async () => {
    const t = await createTestWallet();
    await connect(t);
    const before = t.approvalsOpened;
    for (let i = 0; i < 3; i++) void code(t.request('personal_sign', [`0x0${i}`, ACCOUNT_0]));
    await settle();
    expect(t.wallet.approvals.list()).toHaveLength(3);
    expect(t.approvalsOpened).toBe(before + 1);
  });

  it('gets no approval and no grant as the opaque origin "null" (a sandboxed frame)', async () => {
    const t = await createTestWallet();
    expect(await code(t.request('eth_requestAccounts', undefined, 'null'))).toBe(4100);
    expect(t.wallet.approvals.list()).toEqual([]);
    expect(t.approvalsOpened).toBe(0);
  });

  // Needs lib/wallet/wallet.ts to give the queue the session store:
  //   createApprovalQueue({ clock, onChange: ports.stateChanged, openWindow: ports.openApproval, store: ports.session })
  it('stays blocked after a service-worker restart when the user blocked it', async () => {
    const t = await createTestWallet();
    const pending = code(t.request('eth_requestAccounts'));
    t.wallet.approvals.decide((await t.nextApproval()).id, { approved: false, block: true });
    expect(await pending).toBe(4001);
    await settle();

    const restarted = await createTestWallet({ stores: { local: t.local, session: t.session } });
    const again = code(restarted.request('eth_requestAccounts'));
    await settle();
    expect(restarted.wallet.approvals.list()).toEqual([]);
    expect(await again).toBe(4001);
  });
});

describe('wallet_getPermissions while locked', () => {
  // Item 10. Needs, at the top of permissionsOf in lib/wallet/wallet.ts (as accountsFor does):
  //   await ready(); if (!keys.isUnlocked()) return [];
  it('lists no connected account while the wallet is locked, and the grant again after unlocking', async () => {
    const t = await createTestWallet();
    await connect(t);
    await t.wallet.keys.lock();
    expect(await t.request('wallet_getPermissions')).toEqual([]);
    await t.wallet.keys.unlock('correct horse battery');
    expect(await t.request('wallet_getPermissions')).toEqual([expect.objectContaining({ invoker: SITE, parentCapability: 'eth_accounts' })]);
  });
});
