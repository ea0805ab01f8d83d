// Issue 5, done-when, written once for both browsers: the devnet demo dApp trades through Sharekeep
// on Uniswap V2, signs a Permit2 order, and a trade the user's jurisdiction forbids cannot be signed.
import { type Address, erc20Abi, parseUnits } from 'viem';
import { expect } from 'vitest';
import { devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { attributeOf, byTestId, countOf, textOf, type UiBrowser, type UiPage, uiCall, until } from './driver.ts';
import { TEST_PASSWORD } from './wallet.ts';

export interface DevnetDappHarness {
  browser: UiBrowser;
  /** An extension page of the wallet (for UI commands), onboarded with the deployment's mnemonic. */
  commands: UiPage;
  deployment: Deployment;
}

export function devnetDappFlows(h: DevnetDappHarness) {
  const { deployment } = h;
  const dappOrigin = new URL(deployment.dappUrl).origin;
  const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
  const usdc = deployment.contracts.USDC as Address;
  const router = deployment.contracts.UniswapV2Router02 as Address;
  const { publicClient } = devnetClients(deployment);
  const balanceOf = (token: Address) => publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });
  let dapp: UiPage;

  const resultText = async () => (await textOf(dapp, '#result')) ?? '';
  const resultLabel = async () => (await resultText()).split('\n')[0];
  const result = async () => JSON.parse((await resultText()).split('\n').slice(1).join('\n') || 'null');
  const labelBecomes = (label: string) => until(async () => (await resultLabel()) === label, `the dApp to say ${label}`);

  async function chooseTrade(symbol: string, direction: 'buy' | 'sell', amount: string) {
    await dapp.select('#token-select', tokenOf(deployment, symbol).address);
    await dapp.select('#swap-direction', direction);
    await dapp.fill('#swap-amount', amount);
  }
  const prompt = async () => (await approvalShowing(h.browser, 'transaction', { origin: dappOrigin })).page;

  return {
    async connect() {
      dapp = await h.browser.openSite(deployment.dappUrl);
      await until(async () => (await countOf(dapp, '#token-select option')) > 0, 'the dApp to load the deployment');
      await dapp.click('#connect');
      await decideShown((await approvalShowing(h.browser, 'connect', { origin: dappOrigin })).page, 'approval-approve');
      await labelBecomes('Connected');
    },

    async approveRouter() {
      await chooseTrade('TSLAx', 'buy', '100');
      await dapp.click('#swap-approve');
      const window = await prompt();
      const allowance = byTestId('approval-allowance');
      expect(await textOf(window, allowance)).toContain('100 USDC');
      expect(await textOf(window, `${allowance} ${byTestId('approval-spender')}`)).toBe(router);
      expect(await attributeOf(window, allowance, 'data-unlimited')).toBe('false');
      await decideShown(window, 'approval-approve');
      await labelBecomes('Approve');
      expect((await result()).status).toBe('success');
      expect(await publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: 'allowance', args: [user, router] })).toBe(100_000_000n);
    },

    async swapOnV2() {
      const tsla = tokenOf(deployment, 'TSLAx').address;
      const [usdcBefore, tslaBefore] = await Promise.all([balanceOf(usdc), balanceOf(tsla)]);
      await dapp.click('#swap');
      const window = await prompt();

      expect(await textOf(window, byTestId('approval-summary'))).toMatch(/swap/i);
      const out = `${byTestId('approval-change')}[data-direction="out"]`;
      const into = `${byTestId('approval-change')}[data-direction="in"]`;
      expect(await textOf(window, out)).toContain('100 USDC');
      expect(await attributeOf(window, into, 'data-symbol')).toBe('TSLAx');
      expect(await textOf(window, into)).toMatch(/at least [\d.]+ TSLAx/);

      const simulation = byTestId('approval-simulation');
      expect(await attributeOf(window, simulation, 'data-status')).toBe('ok');
      expect(await textOf(window, `${simulation} [data-symbol="USDC"]`)).toContain('-100 USDC');
      const simulatedTsla = (await textOf(window, `${simulation} [data-symbol="TSLAx"]`)) ?? '';
      expect(simulatedTsla).toMatch(/^\+[\d.]+ TSLAx$/);
      expect(await attributeOf(window, byTestId('approval-verdict'), 'data-verdict')).not.toBe('block');

      await decideShown(window, 'approval-approve');
      await labelBecomes('Swap');
      expect((await result()).status).toBe('success');
      const [usdcAfter, tslaAfter] = await Promise.all([balanceOf(usdc), balanceOf(tsla)]);
      expect(usdcBefore - usdcAfter).toBe(100_000_000n);
      expect(tslaAfter).toBeGreaterThan(tslaBefore);
      // What the window simulated is what the chain did, up to the multiplier token's rounding.
      const simulated = parseUnits(simulatedTsla.slice(1, -' TSLAx'.length), 18);
      const received = tslaAfter - tslaBefore;
      expect(simulated > received ? simulated - received : received - simulated).toBeLessThanOrEqual(received / 1_000_000n);
    },

    async permit2Order() {
      await chooseTrade('TSLAx', 'buy', '250');
      await dapp.click('#sign-permit2');
      const { page: window } = await approvalShowing(h.browser, 'sign-typed-data', { origin: dappOrigin });
      expect(await textOf(window, byTestId('approval-summary'))).toMatch(/take 250 USDC/);
      const allowance = byTestId('approval-allowance');
      expect(await textOf(window, allowance)).toContain('250 USDC');
      expect(await textOf(window, `${allowance} ${byTestId('approval-spender')}`)).toBe(router);
      // Issue 14, names: the contract the signature is for is named, not only shown as an address.
      expect(await textOf(window, `${byTestId('approval-verifying-contract')} ${byTestId('contract-label')}`)).toBe('Permit2 (Uniswap)');
      expect(await attributeOf(window, byTestId('approval-simulation'), 'data-status')).toBe('not-run');
      await decideShown(window, 'approval-approve');
      await labelBecomes('Permit2 signature');
      expect((await result()).signature).toMatch(/^0x[0-9a-f]{130}$/);
    },

    async forbiddenBuyInTheUs() {
      await uiCall(h.commands, 'settings.setJurisdiction', { jurisdiction: 'US', password: TEST_PASSWORD });
      const amzn = tokenOf(deployment, 'AMZNr').address;
      const nonceBefore = await publicClient.getTransactionCount({ address: user });
      const amznBefore = await balanceOf(amzn);

      await chooseTrade('AMZNr', 'buy', '50');
      await dapp.click('#swap');
      const window = await prompt();
      expect(await attributeOf(window, byTestId('approval-verdict'), 'data-verdict')).toBe('block');
      expect(await textOf(window, `${byTestId('approval-reason')}[data-severity="block"]`)).toMatch(/AMZNr.*US/);
      expect(await window.evaluate((s) => document.querySelector<HTMLButtonElement>(s)?.disabled, byTestId('approval-approve'))).toBe(true);

      await decideShown(window, 'approval-reject');
      await labelBecomes('Error');
      expect((await result()).code).toBe(4001);
      expect(await publicClient.getTransactionCount({ address: user })).toBe(nonceBefore);
      expect(await balanceOf(amzn)).toBe(amznBefore);
    },
  };
}
