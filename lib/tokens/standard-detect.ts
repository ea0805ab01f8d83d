/**
 * Which permissioned-token standard a token follows, found once per (chain, token) by probing
 * its view functions in Multicall3 batches, and remembered. A probe "answers" when the call
 * succeeds with a well-formed value; a token that answers none is a plain token.
 * - ERC-3643: identityRegistry() and compliance(), then the compliance's getModules(), then each
 *   module classified by which of isCountryRestricted / isCountryAllowed it answers;
 * - ERC-1404: detectTransferRestriction(0, 0, 0) or messageForTransferRestriction(0) answers;
 * - Ondo-GM-style: compliance() without identityRegistry(), with its tokenPauseManager() when it has one;
 * - Backed-style: sanctionsList(); Dinari-style: transferRestrictor().
 * A detection that answered a probe but could not finish is `incomplete` and not remembered, so
 * the next request tries again; the guard fails closed on it meanwhile.
 */
import { type Address, getAddress, zeroAddress } from 'viem';
import type { RpcCall } from '../chains';
import type { OnchainStandard } from '../compliance';
import { backedAbi, dinariAbi, erc1404Abi, erc3643Abi, ondoComplianceAbi } from './standard-abis';
import { aggregate, answer, call3, usable } from './standard-batch';

export interface DetectedStandards {
  standards: OnchainStandard[];
  incomplete: boolean;
  /** The node did not answer the probes: nothing is known (and nothing remembered). */
  unchecked?: true;
  erc3643?: { identityRegistry: Address; compliance: Address; restrictModules: Address[]; allowModules: Address[] };
  ondo?: { compliance: Address; pauseManager?: Address };
  backed?: { sanctionsList: Address };
  dinari?: { restrictor: Address };
}

const PROBES = [
  [erc3643Abi, 'identityRegistry', []],
  [erc3643Abi, 'compliance', []],
  [erc1404Abi, 'detectTransferRestriction', [zeroAddress, zeroAddress, 0n]],
  [backedAbi, 'sanctionsList', []],
  [dinariAbi, 'transferRestrictor', []],
  [erc1404Abi, 'messageForTransferRestriction', [0]],
  [ondoComplianceAbi, 'tokenPauseManager', []],
] as const;

/** ModularCompliance caps its modules at 25 (T-REX v4). */
const MAX_MODULES = 25;

type Probed = { token: Address; found: DetectedStandards; compliance?: Address };

/** Reads the first probes of every token; undefined when the node gave no readable answer. */
async function probeTokens(rpc: RpcCall, tokens: readonly Address[]): Promise<Probed[] | undefined> {
  const results = await aggregate(
    rpc,
    tokens.flatMap((token) => PROBES.map(([abi, name, args]) => call3(token, abi, name as never, args))),
  );
  if (!results) return undefined;
  return tokens.map((token, i) => {
    const [ir, compliance, restriction, sanctions, restrictor, message, pauser] = results.slice(i * PROBES.length, (i + 1) * PROBES.length);
    const registry = answer<Address>(ir, erc3643Abi, 'identityRegistry');
    const complianceAt = answer<Address>(compliance, erc3643Abi, 'compliance');
    const sanctionsList = answer<Address>(sanctions, backedAbi, 'sanctionsList');
    const restrictorAt = answer<Address>(restrictor, dinariAbi, 'transferRestrictor');
    const found: DetectedStandards = { standards: [], incomplete: false };
    if (registry !== undefined) {
      found.standards.push('erc3643');
      if (!usable(registry) || !usable(complianceAt)) found.incomplete = true;
    } else if (complianceAt !== undefined) {
      found.standards.push('ondo-gm');
      const pauseManager = answer<Address>(pauser, ondoComplianceAbi, 'tokenPauseManager');
      if (usable(complianceAt)) found.ondo = { compliance: complianceAt, ...(usable(pauseManager) ? { pauseManager } : {}) };
      else found.incomplete = true;
    }
    // A 1404 token may refuse to judge a transfer between zero addresses; its message for code 0 still answers.
    const restricts =
      answer<number>(restriction, erc1404Abi, 'detectTransferRestriction') !== undefined ||
      answer<string>(message, erc1404Abi, 'messageForTransferRestriction') !== undefined;
    if (restricts) found.standards.push('erc1404');
    if (sanctionsList !== undefined) {
      found.standards.push('backed');
      if (usable(sanctionsList)) found.backed = { sanctionsList };
      else found.incomplete = true;
    }
    if (restrictorAt !== undefined) {
      found.standards.push('dinari');
      if (usable(restrictorAt)) found.dinari = { restrictor: restrictorAt };
      else found.incomplete = true;
    }
    const t3643 = found.standards.includes('erc3643') && !found.incomplete ? { registry: registry!, compliance: complianceAt! } : undefined;
    if (t3643) found.erc3643 = { identityRegistry: t3643.registry, compliance: t3643.compliance, restrictModules: [], allowModules: [] };
    return { token, found, compliance: t3643?.compliance };
  });
}

/** getModules() of each ERC-3643 compliance, then which country check each module answers. */
async function findCountryModules(rpc: RpcCall, probed: Probed[]): Promise<void> {
  const suites = probed.filter((p) => p.found.erc3643);
  const lists = await aggregate(
    rpc,
    suites.map((p) => call3(p.compliance!, erc3643Abi, 'getModules')),
  );
  const modules = suites.map((p, i) => ({ p, modules: lists ? answer<readonly Address[]>(lists[i], erc3643Abi, 'getModules') : undefined }));
  // A suite that lists more modules than any real one would is not probed module by module: it fails closed.
  for (const { p, modules: list } of modules) if (!list || list.length > MAX_MODULES) p.found.incomplete = true;
  const asked = modules.flatMap(({ p, modules: list }) => (list && list.length <= MAX_MODULES ? list : []).map((module) => ({ p, module })));
  const kinds = await aggregate(
    rpc,
    asked.flatMap(({ p, module }) => [
      call3(module, erc3643Abi, 'isCountryRestricted', [p.compliance!, 0]),
      call3(module, erc3643Abi, 'isCountryAllowed', [p.compliance!, 0]),
    ]),
  );
  asked.forEach(({ p, module }, i) => {
    const suite = p.found.erc3643!;
    if (!kinds) p.found.incomplete = true;
    else if (answer<boolean>(kinds[2 * i], erc3643Abi, 'isCountryRestricted') !== undefined) suite.restrictModules.push(module);
    else if (answer<boolean>(kinds[2 * i + 1], erc3643Abi, 'isCountryAllowed') !== undefined) suite.allowModules.push(module);
  });
}

export interface StandardsCache {
  /** The standards of each token (checksummed keys), detecting the ones not yet known. */
  detect(rpc: RpcCall, chainId: number, tokens: readonly Address[]): Promise<Map<Address, DetectedStandards>>;
  /** The tokens of the chain already detected as permissioned (answered a standard's probe), without asking the node. */
  known(chainId: number): Address[];
}

export function createStandardsCache(): StandardsCache {
  const cache = new Map<string, DetectedStandards>();
  const key = (chainId: number, token: Address) => `${chainId}:${token}`;
  return {
    async detect(rpc, chainId, raw) {
      const tokens = [...new Set(raw.map((t) => getAddress(t)))];
      const unknown = tokens.filter((t) => !cache.has(key(chainId, t)));
      const probed = unknown.length ? await probeTokens(rpc, unknown) : [];
      if (probed?.some((p) => p.found.erc3643)) await findCountryModules(rpc, probed);
      const fresh = new Map((probed ?? []).map((p) => [p.token, p.found]));
      for (const [token, found] of fresh) if (!found.incomplete) cache.set(key(chainId, token), found);
      if (!probed) for (const token of unknown) fresh.set(token, { standards: [], incomplete: false, unchecked: true });
      const out = new Map<Address, DetectedStandards>();
      for (const token of tokens) {
        const found = cache.get(key(chainId, token)) ?? fresh.get(token);
        if (found) out.set(token, found);
      }
      return out;
    },
    known(chainId) {
      const prefix = `${chainId}:`;
      return [...cache].flatMap(([k, found]) => (k.startsWith(prefix) && found.standards.length ? [k.slice(prefix.length) as Address] : []));
    },
  };
}
