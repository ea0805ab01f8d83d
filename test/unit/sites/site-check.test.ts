// What the wallet says about a site before it connects: phishing list, dApp look-alikes by
// confusable skeleton, punycode in both forms, and a list that could not be read.
import { domainToASCII } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSite, createSiteChecker, decodePunycode, imitatedDapp, KNOWN_DAPP_HOSTS, parsePhishingList, unicodeHost } from '../../../lib/sites';

const list = parsePhishingList(JSON.parse(readFileSync(new URL('../../../lib/sites/data/phishing-list.json', import.meta.url), 'utf8')));
const ascii = (host: string) => domainToASCII(host);

describe('punycode hosts', () => {
  it.each(['unisw\u0430p.org', 'münchen.de', 'пример.рф', '例子.测试', 'ñandú.com', '😀.ws', 'a-b-ç.com'])(
    'decodes %s back from its ASCII form',
    (host) => {
      expect(unicodeHost(ascii(host))).toBe(host);
    },
  );

  it('leaves a label that is not valid punycode as it is', () => {
    expect(unicodeHost('xn--zz!-.com')).toBe('xn--zz!-.com');
    expect(unicodeHost('xn--uniswap-.org')).toBe('xn--uniswap-.org');
    expect(decodePunycode('')).toBeUndefined();
    expect(unicodeHost('plain.example')).toBe('plain.example');
  });
});

describe('look-alikes of well-known dApp domains', () => {
  it.each([
    ['a Cyrillic а', ascii('unisw\u0430p.org'), 'uniswap.org'],
    ['a Cyrillic о in a subdomain of the real name', ascii('\u0430pp.uniswap.org'), 'app.uniswap.org'],
    ['rn for m', 'dinari.corn', 'dinari.com'],
    ['a digit 0 for o', 'c0w.fi', 'cow.fi'],
    ['a look-alike under another site', ascii('login.b\u0430cked.fi'), 'backed.fi'],
    ['Greek ο in an issuer host', ascii('app.\u03bfndo.finance'), 'app.ondo.finance'],
  ])('flags %s', (_, host, twin) => {
    expect(imitatedDapp(host)).toBe(twin);
  });

  it('does not flag the real sites, their subdomains, or other names', () => {
    for (const host of KNOWN_DAPP_HOSTS) expect(imitatedDapp(host)).toBeUndefined();
    expect(imitatedDapp('docs.uniswap.org')).toBeUndefined();
    expect(imitatedDapp('uniswap.com')).toBeUndefined();
    expect(imitatedDapp('127.0.0.1')).toBeUndefined();
    expect(imitatedDapp(ascii('münchen.de'))).toBeUndefined();
  });
});

describe('the check before connect', () => {
  it('a site on the list is a danger, named by the list and its version', () => {
    const site = checkSite('https://claim.nfts-mints.com', list);
    expect(site).toMatchObject({ host: 'claim.nfts-mints.com', danger: true, list: 'eth-phishing-detect 1.2.0' });
    expect(site.warnings.map((w) => [w.code, w.severity])).toEqual([['phishing-list', 'danger']]);
    expect(site.warnings[0].message).toContain('eth-phishing-detect 1.2.0');
  });

  it('a punycode look-alike of a dApp is a danger, and both forms are shown', () => {
    const site = checkSite(`https://${ascii('unisw\u0430p.org')}`, list);
    expect(site).toMatchObject({ host: 'xn--uniswp-7nf.org', unicodeHost: 'unisw\u0430p.org', danger: true });
    expect(site.warnings.map((w) => w.code)).toEqual(['imitates-dapp', 'punycode']);
    expect(site.warnings[0].message).toContain('unisw\u0430p.org (xn--uniswp-7nf.org)');
  });

  it('other punycode is a warning, not a danger', () => {
    const site = checkSite(`https://${ascii('münchen.de')}`, list);
    expect(site).toMatchObject({ danger: false, unicodeHost: 'münchen.de' });
    expect(site.warnings.map((w) => [w.code, w.severity])).toEqual([['punycode', 'warn']]);
  });

  it.each(['http://127.0.0.1:8788', 'http://localhost:5173', 'https://app.uniswap.org', 'https://metamask.io'])('%s gets no warning', (origin) => {
    expect(checkSite(origin, list)).toMatchObject({ danger: false, warnings: [] });
  });

  it('says so when the list could not be read, and still checks look-alikes', () => {
    expect(checkSite('https://example.com', undefined).warnings.map((w) => w.code)).toEqual(['phishing-list-unavailable']);
    expect(checkSite('https://dinari.corn', undefined).danger).toBe(true);
  });

  it('loads the list on the first check only, and again after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const check = createSiteChecker(async () => {
      loads++;
      if (fail) throw new Error('no file');
      return list;
    });
    expect(loads).toBe(0);
    expect((await check('https://nfts-mints.com')).warnings.map((w) => w.code)).toEqual(['phishing-list-unavailable']);
    fail = false;
    expect((await check('https://nfts-mints.com')).danger).toBe(true);
    await check('https://example.com');
    expect(loads).toBe(2);
  });
});
