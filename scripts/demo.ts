// npm run demo: the local tokenized-stock market plus the wallet in Chromium.
//   npm run demo              headed where a display exists; runs until Ctrl-C
//   npm run demo -- --headless  a short scripted tour, screenshots in demo-output/
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDevnet } from '../devnet/index.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { onboardByImport, openUnlockedPopup } from '../test/e2e/support/wallet.ts';

const root = join(import.meta.dirname, '..');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const shots = join(root, 'demo-output');

const devnet = await startDevnet({ port: 8545, issuerPort: 8787, dappPort: 8788, quiet: true });
const deploymentFile = join(root, 'devnet/deployment.json');
writeFileSync(deploymentFile, `${JSON.stringify(devnet.deployment, null, 2)}\n`);
console.log(`devnet ready: rpc ${devnet.deployment.rpcUrl}, dApp ${devnet.deployment.dappUrl}`);

const extensionDir = join(root, '.output/demo/chrome-mv3');
execFileSync('npx', ['wxt', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SHAREKEEP_DEVNET: deploymentFile, SHAREKEEP_OUT_DIR: join(root, '.output/demo') },
});

// A fresh profile every run: a kept one remembers the last run's connected site and vault.
const wallet = await launchChromium(extensionDir, [], { headless, viewport: { width: 1100, height: 800 } });
const { context } = wallet;

const stopAll = async () => {
  await wallet.close().catch(() => undefined);
  await devnet.stop();
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

if (!headless) {
  const page = await context.newPage();
  await page.goto(devnet.deployment.dappUrl);
  console.log(
    'Chromium is open with Sharekeep loaded: finish onboarding in its tab (test phrase above), then try the dApp. Ctrl-C stops everything.',
  );
} else {
  mkdirSync(shots, { recursive: true });
  const snap = async (page: Page, name: string) => {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    console.log(`  saved demo-output/${name}.png`);
  };
  console.log('Tour:');
  const onboarding = await onboardByImport(wallet);
  await snap(onboarding, '1-onboarding-done');
  const popup = await openUnlockedPopup(wallet);
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.waitForSelector('[data-testid="portfolio-row"]', { timeout: 30_000 });
  await snap(popup, '2-portfolio');
  await popup.click('[data-testid="portfolio-row"]');
  await popup.waitForSelector('[data-testid="token-backing-ratio"]', { timeout: 30_000 });
  await snap(popup, '3-token-detail');

  const dapp = await context.newPage();
  await dapp.goto(devnet.deployment.dappUrl);
  const approvalOpened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/approval.html') });
  await dapp.click('#connect');
  const approval = await approvalOpened;
  await approval.waitForSelector('[data-testid="approval-origin"]');
  await snap(approval, '4-connect-approval');
  await approval.click('[data-testid="approval-approve"]');
  await dapp
    .waitForFunction(() => document.querySelector('#result')?.textContent?.includes('0x'), undefined, { timeout: 20_000 })
    .catch(() => undefined);
  const swapApproval = context.waitForEvent('page', { predicate: (p) => p.url().includes('/approval.html') });
  await dapp.click('#sign-permit2');
  const permit = await swapApproval;
  await permit.waitForSelector('[data-testid="approval-verdict"]');
  await snap(permit, '5-permit2-decoded');
  await permit.click('[data-testid="approval-reject"]');
  console.log('Tour done.');
  await stopAll();
}
