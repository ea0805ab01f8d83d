/**
 * The per-request reads of the detected standards, all in ONE Multicall3 aggregate3 batch with
 * allowFailure: what each token's own contracts say about the user receiving it. A call that
 * fails, or a batch the node does not answer, leaves its check 'unknown' (the guard fails
 * closed on it) — except Ondo's checkIsCompliant, which reverts to say "not compliant".
 */
import type { Address } from 'viem';
import type { RpcCall } from '../chains';
import { alpha2Country, type OnchainCheck, type OnchainFindings, type OnchainStandard, numericCountry } from '../compliance';
import type { Call3, Call3Result } from '../portfolio';
import { backedAbi, dinariAbi, erc1404Abi, erc3643Abi, ondoComplianceAbi } from './standard-abis';
import { aggregate, answer, call3 } from './standard-batch';
import type { DetectedStandards } from './standard-detect';

/** A transfer of the token the request makes, where its counterparty is known. */
export interface KnownTransfer {
  from: Address;
  to: Address;
  amount: bigint;
}

export interface CheckRequest {
  user: Address;
  /** ISO 3166-1 alpha-2 (or 3166-2) as the user declared it. */
  jurisdiction: string | undefined;
  transfers?: ReadonlyMap<Address, KnownTransfer>;
}

type Outcome = 'yes' | 'no' | 'unknown';

interface Read {
  call: Call3;
  judge(result: Call3Result | undefined): { outcome: Outcome; detail: string; country?: number; code?: number };
  standard: OnchainStandard;
  check: string;
}

const yesNo = (value: boolean | undefined, bad: boolean, no: string, yes: string) =>
  value === undefined
    ? { outcome: 'unknown' as const, detail: 'no answer' }
    : value === bad
      ? { outcome: 'no' as const, detail: no }
      : { outcome: 'yes' as const, detail: yes };

function reads(detected: DetectedStandards, token: Address, request: CheckRequest, country: number | undefined): Read[] {
  const { user } = request;
  const transfer = request.transfers?.get(token);
  const out: Read[] = [];
  const add = (standard: OnchainStandard, check: string, call: Call3, judge: Read['judge']) => out.push({ standard, check, call, judge });
  const suite = detected.erc3643;
  if (suite) {
    const bool = (r: Call3Result | undefined, fn: string) => answer<boolean>(r, erc3643Abi, fn);
    add('erc3643', 'Token.paused', call3(token, erc3643Abi, 'paused'), (r) => yesNo(bool(r, 'paused'), true, 'the token is paused', 'not paused'));
    add('erc3643', 'Token.isFrozen', call3(token, erc3643Abi, 'isFrozen', [user]), (r) =>
      yesNo(bool(r, 'isFrozen'), true, 'your address is frozen', 'not frozen'),
    );
    add('erc3643', 'IdentityRegistry.isVerified', call3(suite.identityRegistry, erc3643Abi, 'isVerified', [user]), (r) =>
      yesNo(bool(r, 'isVerified'), false, 'your address is not verified in its identity registry', 'verified'),
    );
    add('erc3643', 'IdentityRegistry.investorCountry', call3(suite.identityRegistry, erc3643Abi, 'investorCountry', [user]), (r) => {
      const recorded = answer<number>(r, erc3643Abi, 'investorCountry');
      // Shown, not judged (the modules judge the country); 0 is an address with no identity, which isVerified reports.
      return { outcome: 'yes', detail: 'read', country: recorded || undefined };
    });
    for (const module of suite.restrictModules) {
      add(
        'erc3643',
        'CountryRestrictModule.isCountryRestricted',
        call3(module, erc3643Abi, 'isCountryRestricted', [suite.compliance, country ?? 0]),
        (r) =>
          yesNo(
            country === undefined ? undefined : bool(r, 'isCountryRestricted'),
            true,
            `residents of ${alpha2Country(country ?? 0)} (${country}) are restricted`,
            'not restricted',
          ),
      );
    }
    for (const module of suite.allowModules) {
      add('erc3643', 'CountryAllowModule.isCountryAllowed', call3(module, erc3643Abi, 'isCountryAllowed', [suite.compliance, country ?? 0]), (r) =>
        yesNo(
          country === undefined ? undefined : bool(r, 'isCountryAllowed'),
          false,
          `${alpha2Country(country ?? 0)} (${country}) is not among the allowed countries`,
          'allowed',
        ),
      );
    }
    if (transfer) {
      const args = [transfer.from, transfer.to, transfer.amount];
      add('erc3643', 'ModularCompliance.canTransfer', call3(suite.compliance, erc3643Abi, 'canTransfer', args), (r) =>
        yesNo(bool(r, 'canTransfer'), false, `a transfer to ${transfer.to} is not compliant`, 'compliant'),
      );
    }
  }
  if (detected.standards.includes('erc1404')) {
    // Without a known counterparty, the user's own standing: a transfer from and to the user.
    const args = transfer ? [transfer.from, transfer.to, transfer.amount] : [user, user, 0n];
    add('erc1404', 'detectTransferRestriction', call3(token, erc1404Abi, 'detectTransferRestriction', args), (r) => {
      const code = answer<number>(r, erc1404Abi, 'detectTransferRestriction');
      if (code === undefined) return { outcome: 'unknown', detail: 'no answer' };
      return code === 0 ? { outcome: 'yes', detail: 'no restriction' } : { outcome: 'no', detail: `restriction code ${code}`, code };
    });
  }
  if (detected.ondo) {
    add('ondo-gm', 'compliance.checkIsCompliant', call3(detected.ondo.compliance, ondoComplianceAbi, 'checkIsCompliant', [user]), (r) =>
      r?.success ? { outcome: 'yes', detail: 'compliant' } : { outcome: 'no', detail: 'your address is not compliant (the call reverts)' },
    );
    if (detected.ondo.pauseManager) {
      add('ondo-gm', 'TokenPauseManager.isTokenPaused', call3(detected.ondo.pauseManager, ondoComplianceAbi, 'isTokenPaused', [token]), (r) =>
        yesNo(answer(r, ondoComplianceAbi, 'isTokenPaused'), true, 'the token is paused', 'not paused'),
      );
    }
  }
  if (detected.standards.includes('backed')) {
    add('backed', 'isPaused', call3(token, backedAbi, 'isPaused'), (r) =>
      yesNo(answer(r, backedAbi, 'isPaused'), true, 'the token is paused', 'not paused'),
    );
  }
  if (detected.backed) {
    add('backed', 'sanctionsList.isSanctioned', call3(detected.backed.sanctionsList, backedAbi, 'isSanctioned', [user]), (r) =>
      yesNo(answer(r, backedAbi, 'isSanctioned'), true, 'your address is on its sanctions list', 'not sanctioned'),
    );
  }
  if (detected.dinari) {
    add('dinari', 'TransferRestrictor.isBlacklisted', call3(detected.dinari.restrictor, dinariAbi, 'isBlacklisted', [user]), (r) =>
      yesNo(answer(r, dinariAbi, 'isBlacklisted'), true, 'your address is blacklisted', 'not blacklisted'),
    );
  }
  return out;
}

/** The ERC-1404 message for a restriction code: one more eth_call, made only when a code is not 0. */
async function restrictionMessage(rpc: RpcCall, token: Address, code: number): Promise<string | undefined> {
  const [result] = (await aggregate(rpc, [call3(token, erc1404Abi, 'messageForTransferRestriction', [code])])) ?? [];
  const text = answer<string>(result, erc1404Abi, 'messageForTransferRestriction');
  return text?.replace(/[^\x20-\x7e]/g, '').slice(0, 200) || undefined;
}

/**
 * The findings of every detected token for one request, and of tokens the node would not let be
 * probed; plain tokens are left out. `alongside` calls ride in the same batch (the guard's balance
 * reads), their results handed to `onAlongside` (undefined when the batch was not answered).
 */
export async function readChecks(
  rpc: RpcCall,
  detected: ReadonlyMap<Address, DetectedStandards>,
  request: CheckRequest,
  alongside: readonly Call3[] = [],
  onAlongside?: (results: Call3Result[] | undefined) => void,
): Promise<Map<Address, OnchainFindings>> {
  const country = numericCountry(request.jurisdiction);
  const tokens = [...detected].filter(([, d]) => d.standards.length || d.incomplete);
  const out = new Map<Address, OnchainFindings>();
  for (const [token, d] of detected) {
    if (d.unchecked) out.set(token, { standards: [], incomplete: false, checks: [], countryConfirmed: false, unchecked: true });
  }
  const perToken = tokens.map(([token, d]) => ({ token, d, reads: reads(d, token, request, country) }));
  const all = perToken.flatMap((t) => t.reads);
  const batch = await aggregate(rpc, [...all.map((r) => r.call), ...alongside]);
  onAlongside?.(batch?.slice(all.length));
  const results = batch?.slice(0, all.length);
  let at = 0;
  for (const { token, d, reads: mine } of perToken) {
    const checks: OnchainCheck[] = [];
    let chainCountry: number | undefined;
    for (const read of mine) {
      const judged = results ? read.judge(results[at]) : { outcome: 'unknown' as const, detail: 'the batch was not answered' };
      at++;
      if ('country' in judged && judged.country !== undefined && judged.country !== country) chainCountry = judged.country;
      let detail = judged.detail;
      if ('code' in judged && judged.code !== undefined) {
        const message = await restrictionMessage(rpc, token, judged.code);
        if (message) detail = `${detail}: "${message}"`;
      }
      checks.push({ standard: read.standard, check: read.check, outcome: results ? judged.outcome : 'unknown', detail });
    }
    const countryChecks = checks.filter((c) => c.check.startsWith('Country'));
    const countryConfirmed = country !== undefined && countryChecks.length > 0 && countryChecks.every((c) => c.outcome === 'yes');
    out.set(token, {
      standards: d.standards,
      incomplete: d.incomplete,
      checks,
      countryConfirmed,
      ...(chainCountry !== undefined ? { chainCountry } : {}),
    });
  }
  return out;
}
