import { type Address, keccak256, maxUint256, toHex } from 'viem';
import { backedSettlementDays, backedStock, issuerNames } from '../catalog.ts';
import type { Sender } from '../chain.ts';
import type { DevnetIssuer, DevnetToken } from '../types.ts';
import { openPool } from './market.ts';
import { type DeployedStock, deployStock } from './stocks.ts';
import { type DeployContext, tokens, usdc } from './context.ts';

const minterRole = keccak256(toHex('MINTER_ROLE'));
const burnerRole = keccak256(toHex('BURNER_ROLE'));

/** The KYC user id account 0 is registered under at both issuers. */
export const userIdOf = (index: number) => keccak256(toHex(`devnet-user-${index}`));

/**
 * The order processor (Dinari-style) issues the multiplier and rebasing tokens; the attestation
 * manager (Ondo-style) the oracle, synthetic and ERC-3643 tokens. Both serve only KYC'd users,
 * settle in USDC and are funded so the operator can pay out sells.
 */
export async function deployIssuers(ctx: DeployContext, stocks: DeployedStock[], operator: Sender): Promise<void> {
  const { deployer, own, contracts, accounts } = ctx;
  await deployer.write(contracts.KycRegistry, own.KycRegistry.abi, 'setUser', [accounts.user, userIdOf(0)]);

  contracts.OrderProcessor = await deployer.deploy('OrderProcessor', own.OrderProcessor, [
    deployer.address,
    contracts.KycRegistry,
    accounts['issuer-operator'],
    usdc(1),
    50n,
  ]);
  contracts.AttestationManager = await deployer.deploy('AttestationManager', own.AttestationManager, [
    deployer.address,
    contracts.KycRegistry,
    accounts['issuer-operator'],
  ]);

  const issuedBy = (id: string) => stocks.filter((s) => s.spec.issuer === id);
  const processorTokens = issuedBy('orders').map((s) => s.token);
  const managerStocks = issuedBy('attest');
  await deployer.write(contracts.OrderProcessor, own.OrderProcessor.abi, 'setTokens', [processorTokens, [contracts.USDC]]);
  await deployer.write(contracts.AttestationManager, own.AttestationManager.abi, 'setTokens', [managerStocks.map((s) => s.token), [contracts.USDC]]);
  for (const stock of issuedBy('orders')) await grantMintBurn(ctx, stock, contracts.OrderProcessor);
  await deployDShareFactory(ctx, issuedBy('orders'));
  for (const stock of managerStocks) await grantMintBurn(ctx, stock, contracts.AttestationManager);

  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [accounts['issuer-operator'], usdc(10_000_000)]);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [contracts.AttestationManager, usdc(1_000_000)]);
  await operator.write(contracts.USDC, own.DevnetUSDC.abi, 'approve', [contracts.OrderProcessor, maxUint256]);
}

/**
 * The Dinari-style issuer's DShareFactory (Dinari's v0.4.0 interface, see DShareFactory.sol): each
 * of its rebasing stocks gets a wrapper and is announced through announceExistingDShare, as Dinari
 * did for dShares deployed before its factory listed them; later dShares come from createDShare.
 */
async function deployDShareFactory(ctx: DeployContext, stocks: DeployedStock[]): Promise<void> {
  const { deployer, own, contracts } = ctx;
  contracts['Blocklist:DShareFactory'] = await deployer.deploy('blocklist DShareFactory', own.Blocklist, [deployer.address]);
  contracts.DShareFactory = await deployer.deploy('DShareFactory', own.DShareFactory, [deployer.address, contracts['Blocklist:DShareFactory']]);
  for (const stock of stocks.filter((s) => s.spec.structure === 'rebasing')) {
    const wrapped = await deployer.deploy(`wrapped ${stock.spec.symbol}`, own.WrappedDShare, [
      stock.token,
      `Wrapped ${stock.spec.name}`,
      `w${stock.spec.symbol}`,
    ]);
    contracts[`WrappedDShare:${stock.spec.symbol}`] = wrapped;
    await deployer.write(contracts.DShareFactory, own.DShareFactory.abi, 'announceExistingDShare', [stock.token, wrapped]);
  }
}

async function grantMintBurn(ctx: DeployContext, stock: DeployedStock, issuer: Address): Promise<void> {
  const { deployer, own, npm } = ctx;
  if (stock.spec.structure === 'erc3643') {
    await deployer.write(stock.token, npm.Token.abi, 'addAgent', [issuer]);
    return;
  }
  const abi = own.MultiplierStock.abi;
  await deployer.write(stock.token, abi, 'grantRole', [minterRole, issuer]);
  await deployer.write(stock.token, abi, 'grantRole', [burnerRole, issuer]);
}

/**
 * The Backed-style issuer (deployed last, so no earlier address moves): its xStocks token with a
 * feed and a pool, account 0 holding 100, a registered deposit address and a payout address
 * funded with USDC. There is no issuer contract: a redemption is a plain ERC-20 transfer to the
 * deposit address from a pre-approved wallet, paid out later by the issuer service's operator.
 */
export async function deployBackedIssuer(ctx: DeployContext, issuerOrigin: string): Promise<{ token: DevnetToken; issuer: DevnetIssuer }> {
  const { deployer, own, contracts, accounts } = ctx;
  const stock = await deployStock(ctx, backedStock);
  await deployer.write(stock.token, own.OracleStock.abi, 'mint', [accounts.user, tokens(100)]);
  const pair = await openPool(ctx, stock);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [accounts['backed-payout'], usdc(1_000_000)]);
  const token: DevnetToken = {
    symbol: backedStock.symbol,
    name: backedStock.name,
    address: stock.token,
    decimals: 18,
    structure: backedStock.structure,
    issuer: 'backed',
    underlying: backedStock.underlying,
    priceFeed: stock.priceFeed,
    reserveFeed: null,
    multiplierOracle: null,
    pair,
  };
  const issuer: DevnetIssuer = {
    id: 'backed',
    name: issuerNames.backed,
    origin: issuerOrigin,
    kind: 'deposit',
    contracts: [],
    tokens: [stock.token],
    depositAddress: accounts['backed-deposit'],
    payoutAddress: accounts['backed-payout'],
    settlementDays: backedSettlementDays,
  };
  return { token, issuer };
}
