import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { erc20Abi } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { aggregatorAbi } from '../../devnet/abis.ts';
import { startDevnet } from '../../devnet/index.ts';
import { accountOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const E18 = 10n ** 18n;

revertChainAfterEachTest(testClient);

describe('deployment', () => {
  it('seeds account 0 with every stock, USDC and ETH, read in one Multicall3 batch', async () => {
    const tokens = [...deployment.tokens.map((t) => t.address), deployment.contracts.USDC] as `0x${string}`[];
    const balances = await publicClient.multicall({
      contracts: tokens.map((address) => ({ address, abi: erc20Abi, functionName: 'balanceOf', args: [user] }) as const),
      allowFailure: false,
    });
    for (const balance of balances.slice(0, -1)) expect(balance).toBeGreaterThanOrEqual(99n * E18);
    expect(balances.at(-1)).toBeGreaterThanOrEqual(10_000n * 10n ** 6n);
    expect(await publicClient.getBalance({ address: user })).toBeGreaterThan(E18);
  });

  it.each([
    { symbol: 'TSLAx', backed: true },
    { symbol: 'AAPL.d', backed: false },
  ])('$symbol proof of reserve: fully backed $backed', async ({ symbol, backed }) => {
    const token = tokenOf(deployment, symbol);
    const [, reserves] = await publicClient.readContract({
      address: token.reserveFeed as `0x${string}`,
      abi: aggregatorAbi,
      functionName: 'latestRoundData',
    });
    const supply = await publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: 'totalSupply' });
    expect(reserves * 10n ** 10n >= supply).toBe(backed);
  });

  it('deploys to the same addresses every run, and refuses a port in use before deploying', async () => {
    const second = await startDevnet();
    try {
      expect(second.deployment.contracts).toEqual(deployment.contracts);
      expect(second.deployment.tokens.map((t) => t.address)).toEqual(deployment.tokens.map((t) => t.address));
    } finally {
      await second.stop();
    }
    const port = Number(new URL(deployment.rpcUrl).port);
    await expect(startDevnet({ port })).rejects.toThrow(`port ${port}`);
  });
});

const browserPath = '/usr/bin/chromium';

describe.skipIf(!existsSync(browserPath))('demo dApp', () => {
  it('finds an EIP-6963 wallet, swaps USDC for a stock and signs Permit2 and CoW orders', async () => {
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      // A stand-in wallet: announces itself through EIP-6963 and forwards to anvil's unlocked account 0.
      await page.addInitScript(
        ({ rpcUrl, account }) => {
          const provider = {
            async request({ method, params }: { method: string; params?: unknown[] }) {
              if (method === 'eth_requestAccounts') return [account];
              const response = await fetch(rpcUrl, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params ?? [] }),
              });
              const json = await response.json();
              if (json.error) throw Object.assign(new Error(json.error.message), { code: json.error.code });
              return json.result;
            },
          };
          const announce = () =>
            window.dispatchEvent(
              new CustomEvent('eip6963:announceProvider', {
                detail: Object.freeze({ info: { uuid: 'test', name: 'Test wallet', icon: 'data:,', rdns: 'test.wallet' }, provider }),
              }),
            );
          window.addEventListener('eip6963:requestProvider', announce);
        },
        { rpcUrl: deployment.rpcUrl, account: user },
      );
      await page.goto(deployment.dappUrl);
      const result = page.locator('#result');
      const token = tokenOf(deployment, 'AAPL.d');
      const before = await publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

      await page.click('#connect');
      await expect.poll(() => result.textContent()).toContain('Connected');
      await page.selectOption('#token-select', token.address);
      await page.fill('#swap-amount', '200');
      await page.click('#swap-approve');
      await expect.poll(() => result.textContent()).toContain('"status": "success"');
      await page.click('#swap');
      await expect.poll(() => result.textContent()).toContain('Swap');
      expect(await result.textContent()).toContain('"status": "success"');
      const after = await publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: 'balanceOf', args: [user] });
      expect(after - before).toBeGreaterThan((E18 * 99n) / 100n); // ~$200 of a $200 stock, minus the pool's price impact and fee

      await page.click('#sign-permit2');
      await expect.poll(() => result.textContent()).toMatch(/Permit2 signature[\s\S]*"signature": "0x[0-9a-f]{130}"/);
      await page.click('#sign-cow');
      await expect.poll(() => result.textContent()).toMatch(/CoW order signature[\s\S]*"signature": "0x[0-9a-f]{130}"/);
    } finally {
      await browser.close();
    }
  });
});
