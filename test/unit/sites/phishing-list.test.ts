// The bundled phishing list, compacted at build time, judges every host as the package it comes
// from does: blocked domains and their subdomains, the allowlist first, near-misses of the fuzzy targets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { editDistance, matchPhishingList, parsePhishingList } from '../../../lib/sites';

const require = createRequire(import.meta.url);
const listFile = JSON.parse(readFileSync(new URL('../../../lib/sites/data/phishing-list.json', import.meta.url), 'utf8'));
const list = parsePhishingList(listFile);
const upstream = require('eth-phishing-detect/src/config.json') as { blacklist: string[]; whitelist: string[]; fuzzylist: string[] };
const upstreamCheck = require('eth-phishing-detect') as (host: string) => boolean;

describe('the bundled phishing list', () => {
  it('names the package version it was built from, the one package.json pins', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(listFile.version).toBe(pkg.dependencies['eth-phishing-detect']);
    expect(list.name).toBe(`eth-phishing-detect ${listFile.version}`);
  });

  it('agrees with eth-phishing-detect on every host of its lists and on their subdomains', () => {
    const hosts = [...upstream.blacklist, ...upstream.whitelist, ...upstream.fuzzylist];
    const probes = [...hosts, ...hosts.slice(0, 2000).map((h) => `login.${h}`)];
    const disagreements = probes.filter((h) => (matchPhishingList(list, h) !== undefined) !== upstreamCheck(h));
    expect(disagreements).toEqual([]);
    expect(probes.length).toBeGreaterThan(15_000);
  });

  it.each([
    ['a blocked domain', 'nfts-mints.com', { kind: 'blocklist', domain: 'nfts-mints.com' }],
    ['a subdomain of a blocked domain', 'claim.airdrop.nfts-mints.com', { kind: 'blocklist', domain: 'nfts-mints.com' }],
    ['a blocked domain in upper case with a trailing dot', 'NFTS-MINTS.COM.', { kind: 'blocklist', domain: 'nfts-mints.com' }],
    ['a blocked punycode domain', 'xn--rtblocks-7ya.io', { kind: 'blocklist', domain: 'xn--rtblocks-7ya.io' }],
    ['one letter changed in a fuzzy target, under an unlisted top-level domain', 'metamqsk.zz', { kind: 'fuzzy', target: 'metamask.io' }],
    ['a near-miss of a fuzzy target, with www', 'www.opemsea.zz', { kind: 'fuzzy', target: 'opensea.io' }],
  ])('flags %s', (_, host, match) => {
    expect(matchPhishingList(list, host)).toEqual(match);
  });

  it.each([
    ['an allowed site that is also a fuzzy target', 'metamask.io'],
    ['an allowed subdomain of a blocked domain', 'revigo.fanclub.rocks'],
    ['this machine', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['an ordinary site', 'example.com'],
    ['a blocked name as a mere prefix', 'nfts-mints.com.example.org'],
  ])('passes %s', (_, host) => {
    expect(matchPhishingList(list, host)).toBeUndefined();
  });

  it('refuses a file that is not a list', () => {
    expect(() => parsePhishingList({ blocklist: 42 })).toThrow();
  });

  it.each([
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['metamask', 'metamaks', 2],
    ['same', 'same', 0],
  ])('measures the edit distance of %j and %j as %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
