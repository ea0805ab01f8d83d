// Tokens outside the registry, added by hand from the popup, written once for both browsers: shown
// as unverified, an imitation of a registry token (same symbol, another contract) called out, and
// an address that is no token refused.
import type { Address } from 'viem';
import { expect } from 'vitest';
import { compileContracts } from '../../../devnet/compile.ts';
import { contractOf, devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { attributeOf, byTestId, countOf, textOf, type UiPage, until, waitFor } from './driver.ts';

/** Deploys an impostor: a plain token calling itself TSLAx, which the registry knows at another address. */
export async function deployImitation(deployment: Deployment): Promise<Address> {
  const { publicClient, wallet } = devnetClients(deployment);
  const { OracleStock } = compileContracts();
  const deployer = wallet('de-investor');
  const hash = await deployer.deployContract({
    abi: OracleStock.abi,
    bytecode: OracleStock.bytecode,
    args: ['Tesla xStock', 'TSLAx', deployer.account.address, '0x0000000000000000000000000000000000000000'],
  });
  return (await publicClient.waitForTransactionReceipt({ hash })).contractAddress!;
}

/** `popup`: the unlocked popup with the add-token form open. */
export function addTokenFlows(popup: UiPage, deployment: Deployment, imitation: Address) {
  const result = byTestId('token-add-result');
  const add = async (address: string, symbol: string) => {
    await popup.fill(byTestId('token-add-address'), address);
    await popup.click(byTestId('token-add-submit'));
    await until(async () => (await textOf(popup, result))?.includes(symbol), `the form to show ${symbol}`);
  };

  return {
    async unknownTokenIsUnverified() {
      await add(contractOf(deployment, 'WETH9'), 'WETH');
      expect(await attributeOf(popup, result, 'data-verified')).toBe('false');
      expect(await textOf(popup, result)).toContain('unverified');
      expect(await countOf(popup, byTestId('token-add-lookalike'))).toBe(0);
    },

    async imitationIsFlagged() {
      await add(imitation, 'TSLAx');
      await waitFor(popup, byTestId('token-add-lookalike'));
      expect(await countOf(popup, byTestId('token-add-lookalike'))).toBe(1);
      const real = deployment.tokens.find((t) => t.symbol === 'TSLAx')!.address;
      expect(await textOf(popup, byTestId('token-add-lookalike'))).toContain(real);
    },

    async notATokenIsRefused() {
      await popup.fill(byTestId('token-add-address'), '0x000000000000000000000000000000000000dEaD');
      await popup.click(byTestId('token-add-submit'));
      expect(await until(() => textOf(popup, '.add-token .error'), 'the form to refuse the address')).toMatch(/not an ERC-20/);
    },
  };
}
