// The approval window itself, written once for both browsers: the password first when the wallet is
// locked, the queue oldest first, choosing which accounts to connect, and blocking a site that
// keeps asking.
import { expect } from 'vitest';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { attributeOf, byTestId, countOf, providerCall, textOf, type UiBrowser, type UiPage, uiCall, until, waitFor } from './driver.ts';
import { ACCOUNT_0, TEST_PASSWORD } from './wallet.ts';

export interface ApprovalWindowHarness {
  browser: UiBrowser;
  /** An extension page of the wallet (for UI commands), onboarded with the test phrase. */
  commands: UiPage;
  /** The e2e fixtures' server, e.g. http://127.0.0.1:PORT; the flows use it under two host names. */
  fixturesUrl: string;
}

const hex = (text: string) => `0x${Buffer.from(text).toString('hex')}`;

export function approvalWindowFlows(h: ApprovalWindowHarness) {
  const port = new URL(h.fixturesUrl).port;
  // Each origin has its own grants and its own rejection count.
  const first = `http://127.0.0.1:${port}`;
  const second = `http://localhost:${port}`;
  const sites: Record<string, UiPage> = {};
  let added: { address: string };

  async function site(origin: string): Promise<UiPage> {
    sites[origin] ??= await h.browser.openSite(`${origin}/dapp.html`);
    return sites[origin];
  }
  const approvalPages = () => h.browser.extensionPages('/approval.html');
  const count = (page: UiPage) => attributeOf(page, byTestId('approval-count'), 'data-count');
  const message = (page: UiPage) => textOf(page, byTestId('approval-message'));
  const accountBox = (address: string) => `${byTestId('approval-account')}[data-address="${address}"]`;
  const isChecked = (page: UiPage, address: string) =>
    page.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked ?? null, accountBox(address));

  return {
    /** The first site, connected by `locked` (the other flows ask from it). */
    site: () => site(first),

    async locked() {
      await uiCall(h.commands, 'lock');
      const page = await site(first);
      const pending = providerCall(page, 'eth_requestAccounts');
      const [prompt] = await until(async () => {
        const open = await approvalPages();
        return open.length === 1 && open;
      }, 'the approval window');
      await waitFor(prompt, byTestId('unlock-password'));
      expect(await countOf(prompt, byTestId('approval-origin'))).toBe(0);

      await prompt.fill(byTestId('unlock-password'), 'not the password');
      await prompt.click(byTestId('unlock-submit'));
      expect(await until(() => textOf(prompt, byTestId('unlock-error')), 'the unlock error')).toMatch(/password is not right/);
      expect(await countOf(prompt, byTestId('approval-origin'))).toBe(0);

      await prompt.fill(byTestId('unlock-password'), TEST_PASSWORD);
      await prompt.click(byTestId('unlock-submit'));
      expect(await until(() => textOf(prompt, byTestId('approval-kind')), 'the request after unlocking')).toBe('connect');
      expect(await textOf(prompt, byTestId('approval-origin'))).toBe(first);
      await decideShown(prompt, 'approval-approve');
      expect(await pending).toEqual({ result: [ACCOUNT_0] });
    },

    async queue() {
      const page = await site(first);
      const signFirst = providerCall(page, 'personal_sign', [hex('first'), ACCOUNT_0]);
      const { page: prompt } = await approvalShowing(h.browser, 'sign-message', { origin: first });
      const signSecond = providerCall(page, 'personal_sign', [hex('second'), ACCOUNT_0]);
      await until(async () => (await count(prompt)) === '2', 'the count to say 2');
      expect(await message(prompt)).toBe('first');

      await decideShown(prompt, 'approval-approve');
      await until(async () => (await message(prompt)) === 'second', 'the second request');
      expect(await count(prompt)).toBe('1');
      await decideShown(prompt, 'approval-reject');
      await until(async () => prompt.isClosed() || (await approvalPages()).length === 0, 'the window to close');

      expect((await signFirst).result).toMatch(/^0x[0-9a-f]{130}$/);
      expect(await signSecond).toMatchObject({ code: 4001 });
    },

    async accountChoice() {
      added = await uiCall<{ address: string }>(h.commands, 'accounts.add', { name: 'Second' });
      const page = await site(second);
      const pending = providerCall(page, 'eth_requestAccounts');
      const { page: prompt } = await approvalShowing(h.browser, 'connect', { origin: second });
      await waitFor(prompt, accountBox(added.address));
      expect(await isChecked(prompt, ACCOUNT_0)).toBe(true);
      await prompt.click(accountBox(ACCOUNT_0));
      await until(async () => (await isChecked(prompt, ACCOUNT_0)) === false, 'account 0 to be unticked');
      // Nothing ticked: nothing to connect.
      expect(await prompt.evaluate((s) => document.querySelector<HTMLButtonElement>(s)?.disabled, byTestId('approval-approve'))).toBe(true);
      expect(await isChecked(prompt, added.address)).toBe(false);
      await prompt.click(accountBox(added.address));
      await until(() => isChecked(prompt, added.address), 'the second account to be ticked');
      await decideShown(prompt, 'approval-approve');
      expect(await pending).toEqual({ result: [added.address] });
    },

    async blockingASite() {
      const page = await site(second);
      for (const attempt of ['one', 'two']) {
        const pending = providerCall(page, 'personal_sign', [hex(attempt), added.address]);
        const { page: prompt } = await approvalShowing(h.browser, 'sign-message', { origin: second });
        expect(await countOf(prompt, byTestId('approval-reject-block'))).toBe(0);
        await decideShown(prompt, 'approval-reject');
        expect(await pending).toMatchObject({ code: 4001 });
      }
      const third = providerCall(page, 'personal_sign', [hex('three'), added.address]);
      const { page: prompt } = await approvalShowing(h.browser, 'sign-message', { origin: second });
      await decideShown(prompt, 'approval-reject-block');
      expect(await third).toMatchObject({ code: 4001 });

      expect(await providerCall(page, 'personal_sign', [hex('four'), added.address])).toMatchObject({ code: 4001 });
      const state = await uiCall<{ pendingApprovals: unknown[] }>(h.commands, 'state');
      expect(state.pendingApprovals).toEqual([]);
      // The other site is not blocked with it.
      expect((await providerCall(await site(first), 'eth_accounts')).result).toEqual([ACCOUNT_0]);
    },
  };
}
