// Receive: the popup shows the selected address in full, copies it, and draws a QR code that a
// scanner reads back as that address (decoded here with jsQR from the SVG's own modules).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { decodeQrPath } from './support/qr.ts';
import { ACCOUNT_0, byTestId, onboardByImport, openPopup } from './support/wallet.ts';

describe('Chromium: receive', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet);
    popup = await openPopup(wallet);
  });
  afterAll(() => wallet?.close());

  it('shows the address in full and a QR code that scans as that address', async () => {
    await popup.click(byTestId('receive-button'));
    await expect.poll(() => popup.textContent(byTestId('receive-address'))).toBe(ACCOUNT_0);
    const qr = popup.locator(byTestId('receive-qr'));
    const [viewBox, path] = await Promise.all([qr.getAttribute('viewBox'), qr.locator('path').getAttribute('d')]);
    expect(decodeQrPath(viewBox ?? '', path ?? '')).toBe(ACCOUNT_0);
  });

  it('copies the address to the clipboard', async () => {
    // Headless Chromium gives an extension page no clipboard read: record what the page writes.
    await popup.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      (window as unknown as { copied: string[] }).copied = [];
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string[] }).copied.push(text);
        return write(text);
      };
    });
    await popup.click(byTestId('receive-copy'));
    await expect.poll(() => popup.textContent(byTestId('receive-copy'))).toBe('Copied');
    expect(await popup.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([ACCOUNT_0]);
  });
});
