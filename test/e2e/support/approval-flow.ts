// The approval window through the browser-neutral page interface: find the window showing a
// request, read what it shows, decide.
import { byTestId, clickWhenEnabled, type UiBrowser, type UiPage, until } from './driver.ts';

/** What the approval window shows of the request on screen. */
export interface ShownRequest {
  id: string | null;
  kind: string | null;
  origin: string | null;
  to: string | null;
  verdict: string | null;
  summary: string;
}

export const shownRequest = (page: UiPage): Promise<ShownRequest> =>
  page.evaluate(() => {
    const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    return {
      id: q('approval-request')?.getAttribute('data-approval-id') ?? null,
      kind: q('approval-kind')?.textContent ?? null,
      origin: q('approval-origin')?.textContent ?? null,
      to: q('approval-tx-to')?.textContent ?? null,
      verdict: q('approval-verdict')?.getAttribute('data-verdict') ?? null,
      summary: q('approval-summary')?.textContent ?? '',
    };
  }, undefined);

/**
 * The approval window once it shows a request of `kind` (and `origin` and call target `to`, when
 * given). The window closes itself between requests, so every open approval page is asked.
 */
export async function approvalShowing(
  browser: UiBrowser,
  kind: string,
  options: { origin?: string; to?: string; timeoutMs?: number } = {},
): Promise<{ page: UiPage; shown: ShownRequest }> {
  return until(
    async () => {
      for (const page of await browser.extensionPages('/approval.html')) {
        const shown = await shownRequest(page).catch(() => null);
        if (shown?.kind !== kind) continue;
        if (options.origin !== undefined && shown.origin !== options.origin) continue;
        if (options.to !== undefined && shown.to?.toLowerCase() !== options.to.toLowerCase()) continue;
        return { page, shown };
      }
      return null;
    },
    `an approval window showing a ${kind} request${options.origin ? ` from ${options.origin}` : ''}${options.to ? ` to ${options.to}` : ''}`,
    options.timeoutMs ?? 30_000,
  );
}

/** Presses `testId` once it is armed, and waits until the window has moved past that request (next one, or closed). */
export async function decideShown(page: UiPage, testId: 'approval-approve' | 'approval-reject' | 'approval-reject-block'): Promise<void> {
  const { id } = await shownRequest(page);
  await clickWhenEnabled(page, byTestId(testId));
  await until(async () => page.isClosed() || (await shownRequest(page).catch(() => null))?.id !== id, 'the window to move past the request');
}

/** What the approval window shows of an issuer request's plan. */
export interface ShownPlan {
  steps: {
    kind: string;
    to: string;
    verdict: string;
    simulation: string;
    summary: string;
    funds: string;
    /** Each allowance as shown: amount, token, spender. */
    allowances: string[];
    /** The names the window gives the contracts the step calls or allows. */
    labels: string[];
  }[];
  payout: string;
  priceCheck: string | null;
  /** The network fee of the whole plan. */
  fee: string;
  deadline: string;
  changed: string | null;
}

export const shownPlan = (page: UiPage): Promise<ShownPlan> =>
  page.evaluate(() => {
    const text = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
    const all = (root: ParentNode, id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)];
    return {
      steps: all(document, 'plan-step').map((step) => ({
        kind: step.getAttribute('data-kind') ?? '',
        to: step.getAttribute('data-to') ?? '',
        verdict: step.getAttribute('data-verdict') ?? '',
        simulation: step.querySelector('[data-testid="plan-step-simulation"]')?.getAttribute('data-status') ?? '',
        summary: text(step, 'plan-step-summary'),
        funds: text(step, 'plan-step-funds'),
        allowances: all(step, 'approval-allowance').map((a) => a.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
        labels: all(step, 'contract-label').map((l) => l.textContent ?? ''),
      })),
      payout: text(document, 'plan-payout').replace(/\s+/g, ' '),
      priceCheck: document.querySelector('[data-testid="issuer-price-check"]')?.getAttribute('data-level') ?? null,
      fee: text(document, 'approval-fee'),
      deadline: text(document, 'plan-deadline'),
      changed: document.querySelector('[data-testid="plan-changed"]')?.textContent ?? null,
    };
  }, undefined);
