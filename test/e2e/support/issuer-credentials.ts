// Enters an issuer's API credentials the way a user does: Settings, the issuer's fields, Save; then
// waits until the background says every field is set (data-set="true"). Flows that reach an issuer
// whose API takes credentials (the devnet's Ondo-style issuer: its x-api-key) call this first.
import { byTestId, until, type UiPage } from './driver.ts';

export async function enterIssuerCredentials(popup: UiPage, issuerId: string, values: Record<string, string>): Promise<void> {
  await popup.open('/popup.html#/settings');
  const mine = (id: string) => `${byTestId(id)}[data-issuer="${issuerId}"]`;
  for (const [field, value] of Object.entries(values)) {
    await popup.fill(`${mine('issuer-credential-input')}[data-field="${field}"]`, value);
  }
  await popup.click(mine('issuer-credentials-save'));
  await until(
    () => popup.evaluate((s) => document.querySelector(s)?.getAttribute('data-set') === 'true', mine('issuer-credentials-state')),
    `${issuerId}'s credentials to read as set`,
  );
}
