// The two-chain devnet (the devnet and a fork of it) with a wallet that knows both, onboarded with
// the test phrase as a DE resident and its popup open at the size of the real one: the set-up the
// portfolio-chains and token-detail-chains files share, in either browser.
import type { Deployment } from '../../../devnet/types.ts';
import { devnetClients, snapshot } from '../../../devnet/test-kit.ts';
import { uiCommand } from './approval-window.ts';
import { launchChromium } from './chromium.ts';
import { playwrightPage, puppeteerPage, type UiPage } from './driver.ts';
import { launchFirefox } from './firefox.ts';
import { extensionPage, firefoxUiCommand } from './firefox-pages.ts';
import { type ForkedMarket, startForkedMarket } from './portfolio-chains.ts';
import { onboardByImport, openUnlockedPopup, TEST_PASSWORD, TEST_PHRASE } from './wallet.ts';

export interface ForkedMarketPopup {
  market: ForkedMarket;
  /** The wallet's popup, unlocked with the test phrase (account 0). */
  popup: UiPage;
  /** Sends one UI command from the popup, as the wallet's own pages do. */
  uiCommand(method: string, params: Record<string, unknown>): Promise<unknown>;
  /** Closes the browser, stops the fork and puts the devnet back as it was. */
  close(): Promise<void>;
}

const POPUP_SIZE = { width: 380, height: 900 };

export async function openForkedMarketPopup(deployment: Deployment, browser: 'chrome' | 'firefox'): Promise<ForkedMarketPopup> {
  const revert = await snapshot(devnetClients(deployment).testClient);
  let market: ForkedMarket | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  const close = async () => {
    await closeBrowser?.();
    await market?.stop();
    await revert();
  };
  try {
    market = await startForkedMarket(deployment, browser);
    if (browser === 'chrome') {
      const wallet = await launchChromium(market.build.dir);
      closeBrowser = () => wallet.close();
      await onboardByImport(wallet, { jurisdiction: 'DE' });
      const page = await openUnlockedPopup(wallet);
      await page.setViewportSize(POPUP_SIZE);
      return { market, popup: playwrightPage(page, wallet), uiCommand: (method, params) => uiCommand(page, method, params), close };
    }
    const firefox = await launchFirefox(market.build.dir);
    closeBrowser = () => firefox.close();
    const page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport(POPUP_SIZE);
    return { market, popup: puppeteerPage(page), uiCommand: (method, params) => firefoxUiCommand(page, method, params), close };
  } catch (err) {
    // A set-up that fails half way leaves nothing behind for the next file.
    await close().catch(() => undefined);
    throw err;
  }
}
