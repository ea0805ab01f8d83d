// Connecting from a phishing or look-alike site, through the wallet's real request path: the
// approval carries the danger, and only an explicit acceptance of the risk connects.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalVerdict } from '../../../lib/compliance';
import type { SiteCheck } from '../../../lib/sites';
import { ACCOUNT_0, createTestWallet } from './harness';

const LIST = JSON.parse(readFileSync(new URL('../../../lib/sites/data/phishing-list.json', import.meta.url), 'utf8'));
const PHISHING = 'https://claim.nfts-mints.com';
const LOOKALIKE = 'https://xn--uniswp-7nf.org'; // unisw\u0430p.org, Cyrillic а

async function walletWithList() {
  let loads = 0;
  const t = await createTestWallet({
    loadPhishingList: async () => {
      loads++;
      return LIST;
    },
  });
  return { t, loads: () => loads };
}

describe.each([
  ['eth_requestAccounts', undefined],
  ['wallet_requestPermissions', [{ eth_accounts: {} }]],
])('%s from a dangerous site', (method, params) => {
  it.each([
    ['a site on the phishing list', PHISHING, 'phishing-list'],
    ['a punycode look-alike of uniswap.org', LOOKALIKE, 'imitates-dapp'],
  ])('%s: the approval warns, and approving without accepting the risk connects nothing', async (_, origin, code) => {
    const { t } = await walletWithList();
    const pending = t.request(method, params, origin);
    const approval = await t.nextApproval();
    const site = (approval.details as { site: SiteCheck }).site;
    expect(site.danger).toBe(true);
    expect(site.warnings.map((w) => w.code)).toContain(code);
    const verdict = approvalVerdict(approval);
    expect(verdict.verdict).toBe('warn');
    expect(verdict.reasons.map((r) => r.code)).toContain(code);

    t.wallet.approvals.decide(approval.id, { approved: true, data: { accounts: [ACCOUNT_0] } });
    await expect(pending).rejects.toMatchObject({ code: 4001 });
    expect(await t.request('eth_accounts', undefined, origin)).toEqual([]);
    expect(await t.wallet.permissions.get(origin)).toBeUndefined();
  });

  it('connects once the user accepts the risk', async () => {
    const { t } = await walletWithList();
    const pending = t.request(method, params, PHISHING);
    const approval = await t.nextApproval();
    t.wallet.approvals.decide(approval.id, { approved: true, data: { accounts: [ACCOUNT_0], acceptRisk: true } });
    await pending;
    expect(await t.request('eth_accounts', undefined, PHISHING)).toEqual([ACCOUNT_0]);
  });
});

describe('connecting from an ordinary site', () => {
  it('shows no site warning and needs no extra step', async () => {
    const { t } = await walletWithList();
    const pending = t.request('eth_requestAccounts', undefined, 'http://127.0.0.1:8788');
    const approval = await t.nextApproval();
    expect((approval.details as { site: SiteCheck }).site).toMatchObject({ danger: false, warnings: [], list: 'eth-phishing-detect 1.2.0' });
    expect(approvalVerdict(approval).verdict).toBe('allow');
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await pending).toEqual([ACCOUNT_0]);
  });

  it('reads the list only when a site first asks to connect, and once', async () => {
    const { t, loads } = await walletWithList();
    await t.request('eth_chainId');
    await t.request('eth_accounts');
    expect(loads()).toBe(0);
    for (const origin of ['https://a.example', 'https://b.example']) {
      const pending = t.request('eth_requestAccounts', undefined, origin);
      t.wallet.approvals.decide((await t.nextApproval()).id, { approved: true });
      await pending;
    }
    expect(loads()).toBe(1);
  });

  it('warns, without blocking, when the list cannot be read', async () => {
    const t = await createTestWallet({ loadPhishingList: async () => Promise.reject(new Error('missing')) });
    const pending = t.request('eth_requestAccounts', undefined, 'https://example.com');
    const approval = await t.nextApproval();
    expect(approvalVerdict(approval).reasons.map((r) => r.code)).toEqual(['phishing-list-unavailable']);
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await pending).toEqual([ACCOUNT_0]);
  });
});
