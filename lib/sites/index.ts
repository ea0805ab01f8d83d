/**
 * Sites before they connect: the bundled phishing list (eth-phishing-detect's, loaded lazily),
 * look-alikes of well-known dApp domains by confusable skeleton, and punycode hosts shown in
 * both forms. Pure: the list arrives through a loader the caller supplies.
 */
export { EMPTY_PHISHING_LIST, editDistance, matchPhishingList, type PhishingList, type PhishingMatch, parsePhishingList } from './phishing-list';
export { decodePunycode, isPunycodeHost, unicodeHost } from './punycode';
export { checkSite, createSiteChecker, imitatedDapp, KNOWN_DAPP_HOSTS, type SiteCheck, type SiteWarning, type SiteWarningCode } from './site-check';
