import type { Address } from 'viem';
import { feePerPeriod, feePeriodSeconds, oracleMultiplier, type StockSpec } from '../catalog.ts';
import type { DeployContext } from './context.ts';

export type DeployedStock = { spec: StockSpec; token: Address; priceFeed: Address; multiplierOracle: Address | null };

/** Deploys the price feed of a stock and, for every structure but ERC-3643, the token itself. */
export async function deployStock(ctx: DeployContext, spec: StockSpec, token?: Address): Promise<DeployedStock> {
  const { deployer, own, contracts } = ctx;
  const admin = deployer.address;
  const priceFeed = await deployer.deploy(`price feed ${spec.symbol}`, own.DevnetAggregator, [
    admin,
    8,
    `${spec.underlying.ticker} / USD`,
    spec.price,
  ]);
  contracts[`PriceFeed:${spec.symbol}`] = priceFeed;
  let multiplierOracle: Address | null = null;

  const blocklist = async () => {
    const address = await deployer.deploy(`blocklist ${spec.symbol}`, own.Blocklist, [admin]);
    contracts[`Blocklist:${spec.symbol}`] = address;
    return address;
  };

  switch (spec.structure) {
    case 'multiplier':
      token = await deployer.deploy(spec.symbol, own.MultiplierStock, [
        spec.name,
        spec.symbol,
        admin,
        await blocklist(),
        feePerPeriod,
        feePeriodSeconds,
      ]);
      break;
    case 'rebasing':
      token = await deployer.deploy(spec.symbol, own.RebasingStock, [spec.name, spec.symbol, admin, await blocklist()]);
      break;
    case 'oracle-multiplier':
      token = await deployer.deploy(spec.symbol, own.OracleStock, [spec.name, spec.symbol, admin, await blocklist()]);
      multiplierOracle = await deployer.deploy(`multiplier oracle ${spec.symbol}`, own.DevnetAggregator, [
        admin,
        18,
        `${spec.symbol} multiplier`,
        oracleMultiplier,
      ]);
      contracts[`MultiplierOracle:${spec.symbol}`] = multiplierOracle;
      break;
    case 'synthetic':
      token = await deployer.deploy(spec.symbol, own.SyntheticStock, [spec.name, spec.symbol, admin, contracts.USDC, priceFeed, 15n * 10n ** 17n]);
      break;
    case 'plain':
      throw new Error('devnet: feedless bToken-style stocks are deployed by deployDexStocks');
    case 'erc3643':
      if (!token) throw new Error('devnet: the ERC-3643 token is deployed by the T-REX factory');
      break;
  }
  contracts[spec.symbol] = token;
  return { spec, token, priceFeed, multiplierOracle };
}
