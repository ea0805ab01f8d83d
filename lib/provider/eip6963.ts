/** EIP-6963 provider info. The uuid is fresh for every page load, as the EIP asks. */

export interface Eip6963ProviderInfo {
  uuid: string;
  name: string;
  icon: string;
  rdns: string;
}

export const WALLET_NAME = 'Sharekeep';
export const WALLET_RDNS = 'app.sharekeep';

// A 96x96 SVG mark: a shield holding a rising bar chart.
export const WALLET_ICON =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"%3E%3Crect width="96" height="96" rx="20" fill="%230b3d2e"/%3E%3Cpath d="M48 14l26 10v20c0 18-11 31-26 38-15-7-26-20-26-38V24z" fill="%2334d399"/%3E%3Cpath d="M36 60V50m12 10V40m12 20V30" stroke="%230b3d2e" stroke-width="7" stroke-linecap="round"/%3E%3C/svg%3E';

export function createProviderInfo(randomUUID: () => string): Eip6963ProviderInfo {
  return Object.freeze({ uuid: randomUUID(), name: WALLET_NAME, icon: WALLET_ICON, rdns: WALLET_RDNS });
}
