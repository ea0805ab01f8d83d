/**
 * The issuers' jurisdiction rules, transcribed from their published terms as recorded in
 * ../shared/REFERENCE.md (section 1). A rule the terms do not state is not here: its token
 * stays unknown (null), and the guard refuses acquisitions of it. Places are ISO 3166-1
 * alpha-2, and ISO 3166-2 where the terms name a region.
 */
import type { Rule } from '../compliance/index.ts';

/**
 * Backed / xStocks: "not to be offered to US persons" (the token contract's header and the
 * xStocks terms). An offer is about acquiring, so that is what the rule forbids. REFERENCE.md
 * does not date this source; `read` is the day it was transcribed.
 */
export const BACKED_RULE: Rule = {
  kind: 'excluded',
  places: ['US'],
  forbids: ['acquire'],
  source: 'https://github.com/backed-fi/backed-token-contract',
  read: '2026-12-02',
};

/**
 * Ondo Global Markets eligibility: residents, citizens and entities of these places may not
 * subscribe for, acquire or redeem GM tokens. The United States with its possessions and
 * territories (Puerto Rico, Guam, US Virgin Islands, American Samoa, Northern Mariana
 * Islands, US Minor Outlying Islands); the Crimea (UA-43), Sevastopol (UA-40), Donetsk
 * (UA-14), Luhansk (UA-09), Kherson (UA-65) and Zaporizhzhia (UA-23) regions of Ukraine.
 */
export const ONDO_GM_EXCLUDED: readonly string[] = [
  'AF', // Afghanistan
  'DZ', // Algeria
  'BY', // Belarus
  'CN', // China
  'UA-43',
  'UA-40',
  'UA-14',
  'UA-09',
  'UA-65',
  'UA-23',
  'CU', // Cuba
  'KP', // North Korea
  'ER', // Eritrea
  'IR', // Iran
  'LY', // Libya
  'MM', // Myanmar
  'MA', // Morocco
  'NP', // Nepal
  'RU', // Russia
  'SO', // Somalia
  'SS', // South Sudan
  'SD', // Sudan
  'SY', // Syria
  'US',
  'PR',
  'GU',
  'VI',
  'AS',
  'MP',
  'UM',
  'VE', // Venezuela
];

export const ONDO_GM_RULE: Rule = {
  kind: 'excluded',
  places: [...ONDO_GM_EXCLUDED],
  forbids: ['acquire', 'redeem'],
  source: 'https://docs.ondo.finance/ondo-global-markets/eligibility',
  read: '2026-12-01',
};

/** USDY eligibility: the GM list plus Canada (undated in REFERENCE.md; `read` is the day it was transcribed). */
export const USDY_RULE: Rule = {
  kind: 'excluded',
  places: [...ONDO_GM_EXCLUDED, 'CA'],
  forbids: ['acquire', 'redeem'],
  source: 'https://docs.ondo.finance/general-access-products/usdy/faq/eligibility',
  read: '2026-12-02',
};
