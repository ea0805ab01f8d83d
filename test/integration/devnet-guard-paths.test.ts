// Issue 11: the paths the guard's e2e matrix takes execute on the devnet, and the wallet's decoder
// names the tokens they move. A buy by the DE user (account 0) of TSLAx, NVDAon and KSTR through
// V3's SwapRouter and the Universal Router's V3 step decodes to the token in and mines, delivering
// it; the opaque router's call is not decoded, but the token it buys is named from its calldata.
import { type Hex, hexToBigInt, isAddressEqual } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountOf, devnetClients } from '../../devnet/test-kit.ts';
import { decodeTransaction } from '../../lib/intent/index.ts';
import { registryFromDevnet, uniswapV3Pool } from '../../lib/registry/index.ts';
import { type GuardSymbol, guardPaths, type TxParams } from '../e2e/support/guard-paths.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, wallet } = devnetClients(deployment);
const paths = guardPaths(deployment);
const user = accountOf(deployment, 'user');
const ETH_IN = 10n ** 17n;
const USDC_IN = 250_000_000n;

revertChainAfterEachTest(testClient);

async function send(tx: TxParams) {
  const value = tx.value ? hexToBigInt(tx.value) : 0n;
  const gas = await publicClient.estimateGas({ account: tx.from, to: tx.to, data: tx.data, value });
  const hash = await wallet('user').sendTransaction({ to: tx.to, data: tx.data, value, gas: gas * 2n });
  return publicClient.waitForTransactionReceipt({ hash });
}

const decode = (tx: TxParams) =>
  decodeTransaction({ ...tx, value: tx.value ? hexToBigInt(tx.value) : 0n, chainId: deployment.chainId }, { wrappedNative: paths.weth });

describe.each<GuardSymbol>(['TSLAx', 'NVDAon', 'KSTR'])('%s, bought by the DE user', (symbol) => {
  const token = paths.tokenOf(symbol);

  async function expectDelivered(tx: TxParams, minOut: bigint) {
    const before = await paths.balanceOf(token, user);
    expect((await send(tx)).status).toBe('success');
    expect((await paths.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(minOut);
  }

  it('through V3 SwapRouter.exactInputSingle with ETH: decoded as ETH out and the token in, and it is delivered', async () => {
    const { tx, minOut } = await paths.v3Buy(user, symbol, ETH_IN);
    const intent = decode(tx);
    expect(intent.kind).toBe('swap');
    expect(intent.assetsIn).toEqual([{ token, amount: minOut, min: true }]);
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: ETH_IN }]);
    // The pool that pays the user, as the guard computes it from the registry's V3 factory, is the devnet's.
    const [source] = intent.sources ?? [];
    expect(source?.pool.protocol).toBe('uniswap-v3');
    const dex = registryFromDevnet(deployment).dexes?.[0];
    const pool = source?.pool.protocol === 'uniswap-v3' ? uniswapV3Pool(dex, ...source.pool.tokens, source.pool.fee) : undefined;
    expect(pool).toBe(deployment.contracts[`UniswapV3Pool:${symbol}/WETH:3000`]);
    await expectDelivered(tx, minOut);
  });

  it('through the Universal Router, WRAP_ETH then a V3 step: decoded as the token in, and it is delivered', async () => {
    const { tx, minOut } = await paths.universalV3Buy(user, symbol, ETH_IN);
    const intent = decode(tx);
    expect(intent.assetsIn).toEqual([{ token, amount: minOut, min: true }]);
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: ETH_IN }]);
    await expectDelivered(tx, minOut);
    expect(await paths.balanceOf(paths.weth, paths.universalRouter)).toBe(0n);
  });

  it('through the opaque router: not decoded, the token named from its calldata, and it is delivered', async () => {
    await paths.allowUsdc('user');
    const { tx, minOut } = await paths.opaqueBuy(user, symbol, USDC_IN);
    const intent = decode(tx);
    expect(intent.kind).toBe('contract-call');
    expect(intent.warnings.map((w) => w.code)).toContain('unknown-method');
    expect((intent.mentioned ?? []).some((a) => isAddressEqual(a, token))).toBe(true);
    const usdcBefore = await paths.balanceOf(paths.usdc, user);
    await expectDelivered(tx, minOut);
    expect(usdcBefore - (await paths.balanceOf(paths.usdc, user))).toBe(USDC_IN);
  });

  it('sent to its V2 pair: decoded as a transfer to the pair, and the pair holds it', async () => {
    const amount = 10n ** 16n;
    const { tx } = paths.sendToPair(user, symbol, amount);
    const intent = decode(tx);
    expect(intent.kind).toBe('erc20-transfer');
    expect(intent.deliveries).toEqual([expect.objectContaining({ token, to: paths.pairOf(symbol), reason: 'transfer' })]);
    const before = await paths.balanceOf(token, paths.pairOf(symbol));
    expect((await send(tx)).status).toBe('success');
    expect((await paths.balanceOf(token, paths.pairOf(symbol))) - before).toBe(amount);
  });
});

it('every contract that holds KSTR on these paths is a verified investor in its identity registry', async () => {
  const registry = deployment.contracts['IdentityRegistry:KSTR'] as Hex;
  const abi = [
    { type: 'function', name: 'isVerified', stateMutability: 'view', inputs: [{ type: 'address' }], outputs: [{ type: 'bool' }] },
  ] as const;
  for (const holder of ['UniswapV3Pool:KSTR/WETH:3000', 'GPv2Settlement', 'UniversalRouter', 'SwapRouter', 'QuoterV2', 'DevnetOpaqueRouter']) {
    const address = deployment.contracts[holder] as Hex;
    expect(await publicClient.readContract({ address: registry, abi, functionName: 'isVerified', args: [address] }), holder).toBe(true);
  }
});
