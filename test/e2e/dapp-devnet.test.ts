// Issue 5, done-when: the devnet demo dApp trades through Sharekeep on Uniswap V2, signs a
// Permit2 order, and a trade the user's jurisdiction forbids cannot be signed.
import type { Page } from 'playwright-core';
import { type Address, erc20Abi, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { approve, reject, uiCommand, until, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const dappOrigin = new URL(deployment.dappUrl).origin;
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const usdc = deployment.contracts.USDC as Address;
const router = deployment.contracts.UniswapV2Router02 as Address;
const { publicClient } = devnetClients(deployment);
const balanceOf = (token: Address) => publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

describe('the devnet dApp with Sharekeep (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let dapp: Page;
  let commands: Page;

  const result = async () => JSON.parse(((await dapp.locator('#result').textContent()) ?? '').split('\n').slice(1).join('\n') || 'null');
  const resultLabel = async () => ((await dapp.locator('#result').textContent()) ?? '').split('\n')[0];

  async function chooseTrade(symbol: string, direction: 'buy' | 'sell', amount: string) {
    await dapp.locator('#token-select').selectOption(tokenOf(deployment, symbol).address);
    await dapp.locator('#swap-direction').selectOption(direction);
    await dapp.locator('#swap-amount').fill(amount);
  }

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    commands = await onboardByImport(chromium, { secret: deployment.mnemonic }); // stays open: an extension page for UI commands
    dapp = await chromium.context.newPage();
    await dapp.goto(deployment.dappUrl);
    await until(async () => (await dapp.locator('#token-select option').count()) > 0, 'the dApp to load the deployment');
    await dapp.locator('#connect').click();
    await approve(await waitForApproval(chromium.context, 'connect', { origin: dappOrigin }));
    await until(async () => (await resultLabel()) === 'Connected', 'the dApp to connect');
  });
  afterAll(() => chromium?.close());

  it('approves the router for USDC: the window shows who may spend how much, then it mines', async () => {
    await chooseTrade('TSLAx', 'buy', '100');
    await dapp.locator('#swap-approve').click();
    const prompt = await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin });
    const allowance = prompt.getByTestId('approval-allowance');
    expect(await allowance.textContent()).toContain('100 USDC');
    expect(await allowance.getByTestId('approval-spender').textContent()).toBe(router);
    expect(await allowance.getAttribute('data-unlimited')).toBe('false');
    await approve(prompt);
    await expect.poll(resultLabel, { timeout: 20_000 }).toBe('Approve');
    expect((await result()).status).toBe('success');
    expect(await publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: 'allowance', args: [user, router] })).toBe(100_000_000n);
  });

  it('swaps USDC for TSLAx on Uniswap V2: decoded swap and simulated balance changes, then mined', async () => {
    const tsla = tokenOf(deployment, 'TSLAx').address;
    const [usdcBefore, tslaBefore] = await Promise.all([balanceOf(usdc), balanceOf(tsla)]);
    await dapp.locator('#swap').click();
    const prompt = await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin });

    expect(await prompt.getByTestId('approval-summary').textContent()).toMatch(/swap/i);
    const out = prompt.locator('[data-testid="approval-change"][data-direction="out"]');
    const into = prompt.locator('[data-testid="approval-change"][data-direction="in"]');
    expect(await out.textContent()).toContain('100 USDC');
    expect(await into.getAttribute('data-symbol')).toBe('TSLAx');
    expect(await into.textContent()).toMatch(/at least [\d.]+ TSLAx/);

    const simulation = prompt.getByTestId('approval-simulation');
    expect(await simulation.getAttribute('data-status')).toBe('ok');
    expect(await simulation.locator('[data-symbol="USDC"]').textContent()).toContain('-100 USDC');
    const simulatedTsla = (await simulation.locator('[data-symbol="TSLAx"]').textContent()) ?? '';
    expect(simulatedTsla).toMatch(/^\+[\d.]+ TSLAx$/);
    expect(await prompt.getByTestId('approval-verdict').getAttribute('data-verdict')).not.toBe('block');

    await approve(prompt);
    await expect.poll(resultLabel, { timeout: 20_000 }).toBe('Swap');
    expect((await result()).status).toBe('success');
    const [usdcAfter, tslaAfter] = await Promise.all([balanceOf(usdc), balanceOf(tsla)]);
    expect(usdcBefore - usdcAfter).toBe(100_000_000n);
    expect(tslaAfter).toBeGreaterThan(tslaBefore);
    // What the window simulated is what the chain did, up to the multiplier token's rounding.
    const simulated = parseUnits(simulatedTsla.slice(1, -' TSLAx'.length), 18);
    const received = tslaAfter - tslaBefore;
    expect(simulated > received ? simulated - received : received - simulated).toBeLessThanOrEqual(received / 1_000_000n);
  });

  it('decodes a Permit2 transfer order: token, amount and spender', async () => {
    await chooseTrade('TSLAx', 'buy', '250');
    await dapp.locator('#sign-permit2').click();
    const prompt = await waitForApproval(chromium.context, 'sign-typed-data', { origin: dappOrigin });
    expect(await prompt.getByTestId('approval-summary').textContent()).toMatch(/take 250 USDC/);
    const allowance = prompt.getByTestId('approval-allowance');
    expect(await allowance.textContent()).toContain('250 USDC');
    expect(await allowance.getByTestId('approval-spender').textContent()).toBe(router);
    // Issue 14, names: the contract the signature is for is named, not only shown as an address.
    expect(await prompt.getByTestId('approval-verifying-contract').getByTestId('contract-label').textContent()).toBe('Permit2 (Uniswap)');
    expect(await prompt.getByTestId('approval-simulation').getAttribute('data-status')).toBe('not-run');
    await approve(prompt);
    await expect.poll(resultLabel).toBe('Permit2 signature');
    expect((await result()).signature).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it('in the US, refuses to sign a buy of AMZNr: block verdict, approve disabled, nothing mined', async () => {
    await uiCommand(commands, 'settings.setJurisdiction', { jurisdiction: 'US', password: TEST_PASSWORD });
    const amzn = tokenOf(deployment, 'AMZNr').address;
    const nonceBefore = await publicClient.getTransactionCount({ address: user });
    const amznBefore = await balanceOf(amzn);

    await chooseTrade('AMZNr', 'buy', '50');
    await dapp.locator('#swap').click();
    const prompt = await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin });
    expect(await prompt.getByTestId('approval-verdict').getAttribute('data-verdict')).toBe('block');
    const blocking = prompt.locator('[data-testid="approval-reason"][data-severity="block"]');
    expect(await blocking.first().textContent()).toMatch(/AMZNr.*US/);
    expect(await prompt.getByTestId('approval-approve').isDisabled()).toBe(true);

    await reject(prompt);
    await expect.poll(resultLabel).toBe('Error');
    expect((await result()).code).toBe(4001);
    expect(await publicClient.getTransactionCount({ address: user })).toBe(nonceBefore);
    expect(await balanceOf(amzn)).toBe(amznBefore);
  });
});
