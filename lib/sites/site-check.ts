/**
 * What the wallet tells the user about a site before it connects: on the bundled phishing list,
 * a look-alike of a well-known dApp's domain, or written in punycode. A danger (the first two)
 * needs an explicit extra step in the approval window; punycode alone is a warning.
 */
import { hostSkeleton } from '../names';
import { matchPhishingList, type PhishingList } from './phishing-list';
import { isPunycodeHost, unicodeHost } from './punycode';

/**
 * Domains of the dApps Sharekeep's users trade tokenized stocks on: the DEX front ends the
 * intent decoders know (Uniswap, CoW Swap) and the issuers of the registry (REFERENCE.md
 * section 1: Backed/xStocks, Ondo, Dinari). A host that reads as one of them, or as a domain
 * under one, but is not it, imitates it.
 */
export const KNOWN_DAPP_HOSTS = [
  'uniswap.org',
  'app.uniswap.org',
  'cow.fi',
  'swap.cow.fi',
  'ondo.finance',
  'app.ondo.finance',
  'dinari.com',
  'xstocks.fi',
  'backed.fi',
] as const;

export type SiteWarningCode = 'phishing-list' | 'phishing-fuzzy' | 'imitates-dapp' | 'punycode' | 'phishing-list-unavailable';

export interface SiteWarning {
  code: SiteWarningCode;
  /** 'danger': the user must take an extra step to connect. */
  severity: 'danger' | 'warn';
  message: string;
}

export interface SiteCheck {
  /** The host as the browser reports it (punycode for an internationalised name). */
  host: string;
  /** The host as a person reads it, when that differs (decoded punycode). */
  unicodeHost?: string;
  /** Connecting needs the user's explicit acceptance of the risk. */
  danger: boolean;
  warnings: SiteWarning[];
  /** The list consulted, e.g. "eth-phishing-detect 1.2.0". */
  list?: string;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The well-known dApp domain the host imitates: some domain of it reads as that domain but is not it. */
export function imitatedDapp(host: string): string | undefined {
  const readable = unicodeHost(host);
  const labels = readable.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join('.');
    const skeleton = hostSkeleton(domain);
    const twin = KNOWN_DAPP_HOSTS.find((known) => hostSkeleton(known) === skeleton && known !== domain);
    if (twin) return twin;
  }
  return undefined;
}

/** Checks a site's origin; `list` undefined means the list could not be loaded (said, never silent). */
export function checkSite(origin: string, list: PhishingList | undefined): SiteCheck {
  const host = hostOf(origin);
  if (!host) return { host: origin, danger: false, warnings: [] };
  const readable = unicodeHost(host);
  const shown = readable !== host ? `${readable} (${host})` : host;
  const warnings: SiteWarning[] = [];
  const match = list ? matchPhishingList(list, host) : undefined;
  if (match?.kind === 'blocklist') {
    warnings.push({
      code: 'phishing-list',
      severity: 'danger',
      message: `${shown} is on ${list?.name}'s list of phishing sites (as ${match.domain}). Sites like this steal funds: do not connect.`,
    });
  } else if (match?.kind === 'fuzzy') {
    warnings.push({
      code: 'phishing-fuzzy',
      severity: 'danger',
      message: `${shown} is spelt almost like ${match.target}, a site phishers copy (${list?.name}). Check the address letter by letter.`,
    });
  }
  const twin = imitatedDapp(host);
  if (twin) {
    warnings.push({
      code: 'imitates-dapp',
      severity: 'danger',
      message: `${shown} reads like ${twin} but is another site: its name uses look-alike characters.`,
    });
  }
  if (isPunycodeHost(host)) {
    warnings.push({
      code: 'punycode',
      severity: 'warn',
      message: `This address is written in punycode: its real name is ${readable}, which uses non-Latin letters that can imitate a familiar site.`,
    });
  }
  if (!list) {
    warnings.push({
      code: 'phishing-list-unavailable',
      severity: 'warn',
      message: 'Sharekeep could not read its phishing list, so this site was not checked against it.',
    });
  }
  return {
    host,
    ...(readable !== host ? { unicodeHost: readable } : {}),
    danger: warnings.some((w) => w.severity === 'danger'),
    warnings,
    ...(list ? { list: list.name } : {}),
  };
}

/**
 * The checker the wallet uses: the list is loaded and parsed on the first connect request, not
 * at start-up, and kept; a failed load is tried again on the next request.
 */
export function createSiteChecker(load: () => Promise<PhishingList>): (origin: string) => Promise<SiteCheck> {
  let loading: Promise<PhishingList> | undefined;
  return async (origin) => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    const list = await loading.catch(() => undefined);
    return checkSite(origin, list);
  };
}
