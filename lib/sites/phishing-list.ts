/**
 * The bundled phishing list (data/phishing-list.json, from scripts/build-phishing-list.ts) and
 * its rules, as eth-phishing-detect states them: a host on the allowlist, or under an allowed
 * domain, passes; else a host on the blocklist, or under a blocked domain, is blocked; else a
 * host whose name without its top-level domain (and without "www.") is within `tolerance` edits
 * of a fuzzy target's is blocked as a look-alike of it.
 */
import * as v from 'valibot';

const PhishingListSchema = v.object({
  package: v.string(),
  version: v.string(),
  configVersion: v.number(),
  tolerance: v.pipe(v.number(), v.integer(), v.minValue(0)),
  fuzzylist: v.array(v.string()),
  allowlist: v.string(),
  blocklist: v.string(),
});

/** A list file with nothing on it, for a wallet built without one (unit tests). */
export const EMPTY_PHISHING_LIST = { package: 'no list', version: '0', configVersion: 0, tolerance: 0, fuzzylist: [], allowlist: '', blocklist: '' };

export interface PhishingList {
  /** Which list, e.g. "eth-phishing-detect 1.2.0". */
  name: string;
  allowed: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
  fuzzy: readonly string[];
  tolerance: number;
}

export type PhishingMatch = { kind: 'blocklist'; domain: string } | { kind: 'fuzzy'; target: string };

/** The host names of one front-coded list (see the build script), labels back in order. */
function unpackHosts(packed: string): Set<string> {
  const hosts = new Set<string>();
  let previous = '';
  for (const line of packed.split('\n')) {
    if (!line) continue;
    previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
    hosts.add(previous.split('.').reverse().join('.'));
  }
  return hosts;
}

/** Parses the list file once; throws when it is not one. */
export function parsePhishingList(raw: unknown): PhishingList {
  const data = v.parse(PhishingListSchema, raw);
  return {
    name: `${data.package} ${data.version}`,
    allowed: unpackHosts(data.allowlist),
    blocked: unpackHosts(data.blocklist),
    fuzzy: data.fuzzylist,
    tolerance: data.tolerance,
  };
}

/** The host and each domain above it: "a.b.example.com", "b.example.com", "example.com", "com". */
function domainsOf(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** Edit distance (insertions, deletions, substitutions), stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...next) > limit) return limit + 1;
    row = next;
  }
  return row[b.length];
}

const withoutTld = (host: string) => host.split('.').slice(0, -1).join('.');

/** Why the list flags this host (lower-case ASCII, as the browser reports it), or undefined. */
export function matchPhishingList(list: PhishingList, rawHost: string): PhishingMatch | undefined {
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  if (!host) return undefined;
  const domains = domainsOf(host);
  if (domains.some((d) => list.allowed.has(d))) return undefined;
  const domain = domains.find((d) => list.blocked.has(d));
  if (domain) return { kind: 'blocklist', domain };
  if (list.tolerance > 0) {
    const name = withoutTld(host).replace('www.', '');
    const target = list.fuzzy.find((t) => editDistance(name, withoutTld(t), list.tolerance) <= list.tolerance);
    if (target) return { kind: 'fuzzy', target };
  }
  return undefined;
}
