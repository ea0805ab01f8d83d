// A dShare the devnet's DShareFactory creates while the popup is open: it joins the portfolio on
// the popup's own refreshes (no rebuild, no reload), marked as found on chain, and its detail shows
// the issuer's facts. Written once for both browsers (UiPage).
import { decodeEventLog, parseAbi } from 'viem';
import { expect } from 'vitest';
import { dShareFactoryAbi } from '../../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { registryFromDevnet } from '../../../lib/registry/index.ts';
import { byTestId, textOf, type UiPage, until, waitFor } from './driver.ts';

const FOUND = "found on chain via the issuer's factory";
const mintAbi = parseAbi(['function mint(address to, uint256 amount)']);

export function dShareDiscoveryFlows({ deployment, popup }: { deployment: Deployment; popup: UiPage }) {
  const { write } = devnetClients(deployment);
  return {
    async createdDShareAppearsWithLabelAndIssuerFacts() {
      const row = (symbol: string) => `${byTestId('portfolio-row')}[data-symbol="${symbol}"]`;
      // The popup is open on the portfolio, showing the bundled dShare.
      await waitFor(popup, row('AAPL.d'), 60_000);
      expect(await textOf(popup, row('MSFT.d'))).toBeNull();

      const factory = contractOf(deployment, 'DShareFactory');
      const deployer = accountOf(deployment, 'deployer');
      const receipt = await write('deployer', {
        address: factory,
        abi: dShareFactoryAbi,
        functionName: 'createDShare',
        args: [deployer, 'Microsoft Corporation - Dinari', 'MSFT.d', 'Wrapped MSFT.d', 'wMSFT.d'],
      });
      const dShare = receipt.logs
        .map((log) => {
          try {
            const e = decodeEventLog({ abi: dShareFactoryAbi, ...log });
            return e.eventName === 'DShareAdded' ? e.args.dShare : undefined;
          } catch {
            return undefined;
          }
        })
        .find((a) => a !== undefined);
      if (!dShare) throw new Error('createDShare emitted no DShareAdded');
      await write('deployer', { address: dShare, abi: mintAbi, functionName: 'mint', args: [accountOf(deployment, 'user'), 4n * 10n ** 18n] });

      // No reload: the popup's own refreshes list it, read its metadata, and show it.
      await waitFor(popup, row('MSFT.d'), 60_000);
      expect(await textOf(popup, row('MSFT.d'))).toContain(FOUND);
      expect(
        await popup.evaluate(
          (s) => document.querySelector(s)?.getAttribute('data-amount') ?? null,
          `${row('MSFT.d')} ${byTestId('holding-balance')}`,
        ),
      ).toBe(String(4n * 10n ** 18n));

      await popup.click(`${row('MSFT.d')} .pf-open`);
      const detail = `${byTestId('token-detail')}[data-symbol="MSFT.d"]`;
      await until(async () => (await textOf(popup, `${detail} ${byTestId('token-issuer')}`)) ?? undefined, 'the MSFT.d detail with its issuer');
      const issuer = registryFromDevnet(deployment).issuers.find((i) => i.contracts.some((c) => c.address === factory && c.role === 'factory'))!;
      expect(await textOf(popup, `${detail} ${byTestId('token-issuer')}`)).toContain(issuer.legalEntity.value!);
      expect(await textOf(popup, detail)).toContain(FOUND);
    },
  };
}
