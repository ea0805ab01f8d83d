// Driving the popup's issuer screen in Chromium: open it for a token and side, ask for a quote,
// approve the transactions the wallet then shows in its approval window.
import type { BrowserContext, Page } from 'playwright-core';
import { type Address, erc20Abi, type PublicClient } from 'viem';
import { expect } from 'vitest';
import { tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { openApprovalPages } from './approval-window.ts';
import { ACCOUNT_0 } from './wallet.ts';

export const byTestId = (id: string) => `[data-testid="${id}"]`;
const SHOTS = process.env.SHAREKEEP_SHOTS;

export const balanceOf = (client: PublicClient, token: Address, account: Address = ACCOUNT_0) =>
  client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

/** How the approval window names a request the wallet sends for the issuer `id`. */
export const issuerOrigin = (deployment: Deployment, id: string) =>
  `${deployment.issuers.find((i) => i.id === id)!.name} (${deployment.issuerServiceUrl})`;

/** Waits for the approval window to show a transaction from `origin` to `to`, checks its verdict allows it, approves it. */
export async function approveTransaction(
  context: BrowserContext,
  origin: string,
  to: string,
  inspect?: (page: Page) => Promise<void>,
): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const page of openApprovalPages(context)) {
      const shown = await page
        .evaluate(() => ({
          kind: document.querySelector('[data-testid="approval-kind"]')?.textContent,
          origin: document.querySelector('[data-testid="approval-origin"]')?.textContent,
          to: document.querySelector('[data-testid="approval-tx-to"]')?.textContent,
          verdict: document.querySelector('[data-testid="approval-verdict"]')?.getAttribute('data-verdict'),
          summary: document.querySelector('[data-testid="approval-summary"]')?.textContent ?? '',
        }))
        .catch(() => null);
      if (shown?.kind !== 'transaction' || shown.origin !== origin || shown.to?.toLowerCase() !== to.toLowerCase()) continue;
      expect(shown.verdict).not.toBe('block');
      await inspect?.(page);
      await page.getByTestId('approval-approve').click();
      return shown.summary;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no transaction to ${to} from ${origin} was shown for approval`);
}

export async function openIssuerScreen(popup: Page, deployment: Deployment, symbol: string, side: 'mint' | 'redeem') {
  await popup.evaluate(
    (hash) => {
      location.hash = hash;
    },
    `#/token/${deployment.chainId}/${tokenOf(deployment, symbol).address}`,
  );
  await popup.waitForSelector(byTestId(`${side}-button`));
  if (SHOTS) await popup.screenshot({ path: `${SHOTS}/issuer-detail-${symbol}.png` });
  await popup.click(byTestId(`${side}-button`));
  await popup.waitForSelector(`${byTestId('issuer-screen')}[data-side="${side}"]`);
}

export async function quote(popup: Page, amount: string) {
  await popup.fill(byTestId('issuer-amount'), amount);
  await popup.click(byTestId('issuer-quote'));
  await popup.waitForSelector(`${byTestId('issuer-status')}[data-status="quote"]:not(:has-text("Asking"))`);
}

export const settled = (popup: Page) => popup.waitForSelector(`${byTestId('issuer-status')}[data-status="settled"]`, { timeout: 30_000 });
