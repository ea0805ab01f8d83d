// Issue 11: the wallet's decoders agree with routers that execute. A Universal Router buy with ETH
// is decoded by lib/intent, then run on the devnet's real Universal Router: the tokens it moves are
// the ones the decoder named. A CoW order signed for the devnet's real GPv2Settlement is decoded,
// then settled by the allow-listed solver: the owner gets the buy token the decoder named.
import { type Address, erc20Abi, type Hex, hashDomain, isAddressEqual, parseEventLogs } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountAt } from '../../devnet/catalog.ts';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { decodeTransaction, decodeTypedData } from '../../lib/intent/index.ts';
import { gpv2SettlementAbi, routerMarket } from '../e2e/support/routers.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, wallet } = devnetClients(deployment);
const market = routerMarket(deployment);
const user = accountOf(deployment, 'user');
const other = accountOf(deployment, 'de-investor');
const usdc = contractOf(deployment, 'USDC');
const E18 = 10n ** 18n;

revertChainAfterEachTest(testClient);

const ethBalance = (account: Address) => publicClient.getBalance({ address: account });

/** Sends the request from the user's unlocked anvil account and returns its mined receipt. */
async function send(tx: { from: Address; to: Address; data: Hex; value: bigint }) {
  const gas = await publicClient.estimateGas({ account: tx.from, to: tx.to, data: tx.data, value: tx.value });
  const hash = await wallet('user').sendTransaction({ to: tx.to, data: tx.data, value: tx.value, gas: gas * 2n });
  return publicClient.waitForTransactionReceipt({ hash });
}

describe.each(['TSLAx', 'NVDAon'])('a buy of %s with ETH through the Universal Router', (symbol) => {
  const token = tokenOf(deployment, symbol).address;

  it('decodes to ETH out and the token in, and running it moves exactly that', async () => {
    const buy = await market.quoteBuyWithEth(token, E18 / 10n);
    const tx = await market.buyWithEth(user, token, buy);
    const intent = decodeTransaction({ ...tx, chainId: deployment.chainId });
    expect(intent.kind).toBe('swap');
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: buy.ethIn }]);
    expect(intent.assetsIn).toEqual([{ token, amount: buy.minOut, min: true }]);
    expect(intent.deliveries ?? []).toEqual([]);

    const [tokenBefore, ethBefore] = [await market.balanceOf(token, user), await ethBalance(user)];
    const receipt = await send(tx);
    expect(receipt.status).toBe('success');
    const received = (await market.balanceOf(token, user)) - tokenBefore;
    expect(received).toBeGreaterThanOrEqual(buy.minOut);
    expect(ethBefore - (await ethBalance(user))).toBe(buy.ethIn + receipt.gasUsed * receipt.effectiveGasPrice);
    // Nothing stays in the router: the wrapped ETH went into the pool, the token to the user.
    expect(await market.balanceOf(market.weth, market.universalRouter)).toBe(0n);
    expect(await market.balanceOf(token, market.universalRouter)).toBe(0n);
  });

  it('sent to another address, decodes to a delivery there, and that address is who gets the token', async () => {
    const buy = await market.quoteBuyWithEth(token, E18 / 10n);
    const tx = await market.buyWithEth(user, token, buy, other);
    const intent = decodeTransaction({ ...tx, chainId: deployment.chainId });
    expect(intent.assetsIn ?? []).toEqual([]);
    expect(intent.deliveries).toEqual([{ token, amount: buy.minOut, to: other, reason: 'proceeds', min: true }]);

    const [mine, theirs] = [await market.balanceOf(token, user), await market.balanceOf(token, other)];
    expect((await send(tx)).status).toBe('success');
    expect(await market.balanceOf(token, user)).toBe(mine);
    expect((await market.balanceOf(token, other)) - theirs).toBeGreaterThanOrEqual(buy.minOut);
  });
});

describe('a Universal Router buy of USDC with ETH routed through the TSLAx pools', () => {
  const tslax = tokenOf(deployment, 'TSLAx').address;

  it('decodes TSLAx as traded, and running it does move TSLAx (through the pools, not the user)', async () => {
    const buy = await market.quoteRouteWithEth([market.weth, tslax, usdc], E18 / 10n);
    const tx = await market.buyWithEth(user, usdc, buy);
    const intent = decodeTransaction({ ...tx, chainId: deployment.chainId });
    expect(intent.assetsIn).toEqual([{ token: usdc, amount: buy.minOut, min: true }]);
    expect(intent.traded).toEqual([tslax]);

    const [usdcBefore, tslaxBefore] = [await market.balanceOf(usdc, user), await market.balanceOf(tslax, user)];
    const receipt = await send(tx);
    expect(receipt.status).toBe('success');
    const moved = parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: receipt.logs }).filter((log) => isAddressEqual(log.address, tslax));
    expect(moved.length).toBeGreaterThan(0);
    expect(await market.balanceOf(tslax, user)).toBe(tslaxBefore);
    expect((await market.balanceOf(usdc, user)) - usdcBefore).toBeGreaterThanOrEqual(buy.minOut);
  });
});

describe.each(['TSLAx', 'NVDAon'])('a CoW order selling USDC for %s, signed for the devnet settlement', (symbol) => {
  const token = tokenOf(deployment, symbol).address;
  const signer = accountAt(deployment.accounts.find((a) => a.role === 'user')!.index);

  it('decodes to the buy token, and the solver settles it by delivering that token to the signer', async () => {
    const order = await market.cowSellOrder(usdc, token, 500_000_000n);
    const typedData = market.cowTypedData(order);
    const intent = decodeTypedData(typedData, { activeChainId: deployment.chainId, account: user });
    expect(intent.kind).toBe('cow-order');
    expect(intent.domain.verifyingContract).toBe(market.settlement);
    expect(intent.assetsOut).toEqual([{ token: usdc, amount: order.sellAmount }]);
    expect(intent.assetsIn).toEqual([{ token, amount: order.buyAmount, min: true }]);
    // The domain the wallet hashes is the one the contract checks signatures against.
    const separator = await publicClient.readContract({ address: market.settlement, abi: gpv2SettlementAbi, functionName: 'domainSeparator' });
    expect(
      hashDomain({ domain: { ...typedData.domain, chainId: BigInt(deployment.chainId) }, types: { EIP712Domain: typedData.types.EIP712Domain } }),
    ).toBe(separator);

    const signature = await signer.signTypedData({
      domain: typedData.domain,
      types: { Order: typedData.types.Order },
      primaryType: 'Order',
      message: order,
    });
    await market.allowVaultRelayer('user', usdc);
    const [usdcBefore, tokenBefore] = [await market.balanceOf(usdc, user), await market.balanceOf(token, user)];
    const receipt = await market.settle(order, signature);
    expect(receipt.status).toBe('success');
    const [trade] = parseEventLogs({ abi: gpv2SettlementAbi, eventName: 'Trade', logs: receipt.logs }).filter((log) =>
      isAddressEqual(log.address, market.settlement),
    );
    expect(trade?.args).toMatchObject({ owner: user, sellToken: usdc, buyToken: token, sellAmount: order.sellAmount });
    expect(usdcBefore - (await market.balanceOf(usdc, user))).toBe(order.sellAmount);
    expect((await market.balanceOf(token, user)) - tokenBefore).toBeGreaterThanOrEqual(order.buyAmount);
  });

  it('the same order signed for the mainnet settlement address does not settle here, and moves nothing', async () => {
    const order = await market.cowSellOrder(usdc, token, 500_000_000n);
    const typedData = market.cowTypedData(order);
    const mainnet = { ...typedData.domain, verifyingContract: '0x9008D19f58AAbD9eD0D60971565AA8510560ab41' as Address };
    const signature = await signer.signTypedData({ domain: mainnet, types: { Order: typedData.types.Order }, primaryType: 'Order', message: order });
    await market.allowVaultRelayer('user', usdc);
    const before = await market.balanceOf(usdc, user);
    await expect(market.settle(order, signature)).rejects.toThrow();
    expect(await market.balanceOf(usdc, user)).toBe(before);
  });
});
