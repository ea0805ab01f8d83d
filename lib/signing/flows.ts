/**
 * Every request that signs something: decode what it does, simulate it, judge it against the
 * user's jurisdiction, ask the user in the approval window, and only then sign. A blocked
 * request can be looked at but never signed, whichever path it came by.
 */
import { type Address, formatUnits, getAddress, type Hex, hexToString, isAddress, isHex, type TransactionSerializable } from 'viem';
import type { ApprovalKind } from '../approvals';
import { parseChainId, toHexChainId } from '../chains';
import { type ComplianceResult as Verdict, evaluate } from '../compliance';
import { rpcErrors } from '../errors';
import { decodeTransaction, decodeTypedData, type Intent, type SimulationResult, simulateTransaction, type TokenInfo } from '../intent';
import type { KeyManager } from '../keyring';
import type { Clock, KeyValueStore } from '../ports';
import type { ActivityLog } from '../state/activity';
import { createNonceManager } from './nonces';
import type { RpcCall } from '../chains/rpc-client';
import type { SettingsStore } from '../state/settings';
import { createTokenInfoCache } from '../tokens/token-info';
import { parseTransactionParams, type TransactionParams } from './transaction-params';
import type { TokenLookup } from '../tokens/token-lookup';

export interface SigningDeps {
  keys: KeyManager;
  settings: SettingsStore;
  rpc: RpcCall;
  activity: ActivityLog;
  clock: Clock;
  local: KeyValueStore;
  tokens: TokenLookup;
  approve(origin: string, kind: ApprovalKind, details: unknown, options?: { onePerOrigin?: boolean }): Promise<unknown>;
  requireAccount(origin: string, address: unknown): Promise<Address>;
  ready(): Promise<boolean>;
  stateChanged(): void;
  /** Reaches an RPC URL that is not configured yet, only to check a chain the user is adding. */
  probeRpc(url: string, method: string): Promise<unknown>;
}

/** A token someone asked to watch: what the chain says, and whether it imitates a registry token. */
export interface WatchCandidate {
  chainId: number;
  address: string;
  symbol: string;
  decimals: number;
  verified: boolean;
  lookalikes: { symbol: string; address: string }[];
}

/** What the approval window shows for a request that signs. */
export interface SigningView {
  account: string;
  chainId: number;
  chainName: string;
  summary: string;
  intentKind: string;
  changes: { token: string; symbol: string; amount: string; direction: 'in' | 'out'; bound?: 'min' | 'max' }[];
  approvals: { token: string; symbol: string; spender: string; amount: string; unlimited: boolean }[];
  simulation: { status: 'ok' | 'reverted' | 'unsupported' | 'not-run'; note?: string; changes?: { token: string; symbol: string; delta: string }[] };
  verdict: Verdict;
  warnings: { code: string; message: string }[];
  message?: string;
  typedData?: string;
  transaction?: { to?: string; value: string; data?: string; nativeSymbol: string };
}

const amountText = (amount: bigint, info: TokenInfo | undefined) => (info ? formatUnits(amount, info.decimals) : `${amount} (raw units)`);

export function createSigningFlows(deps: SigningDeps) {
  const { keys, settings, rpc, approve, requireAccount } = deps;
  const nonces = createNonceManager(deps.local);
  const tokenInfo = createTokenInfoCache({ known: (chainId, address) => deps.tokens.info(chainId, address) });

  async function judge(intent: Intent, chainId: number, simulation?: SimulationResult): Promise<Verdict> {
    const { jurisdiction } = await settings.get();
    return evaluate({ intent, jurisdiction: jurisdiction ?? '', chainId, lookupToken: (c, a) => deps.tokens.policy(c, a), simulation });
  }

  function describe(intent: Intent, info: (a: Address) => TokenInfo | undefined, nativeSymbol: string) {
    const symbolOf = (token: Address | 'native') => (token === 'native' ? nativeSymbol : (info(token)?.symbol ?? token));
    const amountOf = (token: Address | 'native', amount: bigint) =>
      amountText(amount, token === 'native' ? { symbol: nativeSymbol, decimals: 18 } : info(token));
    const changes: SigningView['changes'] = [
      ...intent.assetsOut.map((m) => ({
        token: m.token,
        symbol: symbolOf(m.token),
        amount: amountOf(m.token, m.amount),
        direction: 'out' as const,
        ...(m.max ? { bound: 'max' as const } : {}),
      })),
      ...intent.assetsIn.map((m) => ({
        token: m.token,
        symbol: symbolOf(m.token),
        amount: amountOf(m.token, m.amount),
        direction: 'in' as const,
        ...(m.min ? { bound: 'min' as const } : {}),
      })),
    ];
    const approvals = intent.approvals.map((a) => ({
      token: a.token,
      symbol: symbolOf(a.token),
      spender: a.spender,
      amount: a.unlimited ? 'unlimited' : amountOf(a.token, a.amount),
      unlimited: a.unlimited,
    }));
    return { changes, approvals };
  }

  async function approveAndCheck(origin: string, kind: ApprovalKind, view: SigningView) {
    await approve(origin, kind, view);
    // The window cannot approve a blocked request, but a crafted message could try: refuse here too.
    if (view.verdict.verdict === 'block') {
      throw rpcErrors.userRejected(`Sharekeep refused to sign: ${view.verdict.reasons.find((r) => r.severity === 'block')?.message ?? 'blocked.'}`);
    }
  }

  async function signerFor(origin: string, address: unknown): Promise<Address> {
    await deps.ready();
    const account = await requireAccount(origin, address);
    const entry = (await keys.listAccounts()).find((a) => a.address === account);
    if (entry?.kind === 'watch') throw rpcErrors.unauthorized('This is a watch-only account: Sharekeep holds no key for it.');
    return account;
  }

  return {
    async personalSign(origin: string, params: unknown[]): Promise<Hex> {
      let [message, address] = params;
      // Some dApps send [address, message]; an address is never what a user is asked to sign.
      if (typeof message === 'string' && isAddress(message) && !(typeof address === 'string' && isAddress(address)))
        [message, address] = [address, message];
      if (typeof message !== 'string') throw rpcErrors.invalidParams('personal_sign expects [message, address] with the message as a string.');
      if (message.length > 1_000_000) throw rpcErrors.invalidParams('Message too long.');
      const account = await signerFor(origin, address);
      const network = await settings.activeNetwork();
      let text = message;
      if (isHex(message)) {
        try {
          const decoded = hexToString(message);
          text = /^[\P{Cc}\n\r\t]*$/u.test(decoded) ? decoded : message;
        } catch {
          text = message;
        }
      }
      const verdict: Verdict = { verdict: 'allow', reasons: [] };
      const view: SigningView = {
        account,
        chainId: network.chainId,
        chainName: network.name,
        summary: 'Sign a message. It moves no funds by itself.',
        intentKind: 'personal-message',
        changes: [],
        approvals: [],
        simulation: { status: 'not-run' },
        verdict,
        warnings: [],
        message: text,
      };
      await approveAndCheck(origin, 'sign-message', view);
      return keys.signMessage(account, message);
    },

    async signTypedData(origin: string, params: unknown[], version: 'V3' | 'V4'): Promise<Hex> {
      const [address, raw] = params;
      const network = await settings.activeNetwork();
      const intent = decodeTypedData(raw, { activeChainId: network.chainId }); // -32602 for malformed or wrong-chain data
      const account = await signerFor(origin, address);
      const info = await tokenInfo.lookupFor(rpc, network.chainId, intent.tokens);
      const described = decodeTypedData(raw, { activeChainId: network.chainId, tokenInfo: info });
      const verdict = await judge(described, network.chainId);
      const data = typeof raw === 'string' ? JSON.parse(raw) : raw;
      const view: SigningView = {
        account,
        chainId: network.chainId,
        chainName: network.name,
        summary: described.summary,
        intentKind: described.kind,
        ...describe(described, info, network.nativeCurrency.symbol),
        simulation: { status: 'not-run' },
        verdict,
        warnings: described.warnings,
        typedData: JSON.stringify(data, null, 2),
      };
      await approveAndCheck(origin, 'sign-typed-data', view);
      return keys.signTypedData(account, data, version);
    },

    async sendTransaction(origin: string, params: unknown[]): Promise<Hex> {
      const tx = parseTransactionParams(params);
      const from = await signerFor(origin, tx.from);
      return submit(origin, { ...tx, from });
    },

    /** In-wallet sends and issuer requests take the same road as a dApp's transaction. */
    submit: (origin: string, tx: TransactionParams) => submit(origin, tx),

    async addChain(origin: string, params: unknown[], switchChain: (chainId: number) => Promise<void>): Promise<null> {
      const p = params[0] as Record<string, unknown> | undefined;
      const chainId = typeof p?.chainId === 'string' ? parseChainId(p.chainId) : undefined;
      if (!p || !chainId || !(p.chainId as string).startsWith('0x')) throw rpcErrors.invalidParams('Expected chainId as a 0x-prefixed hex string.');
      const rpcUrl = Array.isArray(p.rpcUrls)
        ? p.rpcUrls.find((u): u is string => typeof u === 'string' && /^https?:\/\/[^\s]+$/.test(u))
        : undefined;
      if (!rpcUrl) throw rpcErrors.invalidParams('Expected rpcUrls with at least one http(s) URL.');
      const url = new URL(rpcUrl);
      if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
        throw rpcErrors.invalidParams('RPC URLs must use https (plain http only for this machine).');
      const name = typeof p.chainName === 'string' && p.chainName.trim() ? p.chainName.trim().slice(0, 64) : `Chain ${chainId}`;
      const currency = p.nativeCurrency as Record<string, unknown> | undefined;
      const symbol = typeof currency?.symbol === 'string' && /^[A-Za-z0-9.]{1,12}$/.test(currency.symbol) ? currency.symbol : 'ETH';
      if (currency?.decimals !== undefined && currency.decimals !== 18) throw rpcErrors.invalidParams('nativeCurrency.decimals must be 18.');
      const known = await settings.network(chainId);
      if (known) {
        if ((await settings.get()).activeChainId !== chainId) {
          await approve(origin, 'switch-chain', { chainId, name: known.name, rpcUrl: known.rpcUrl });
          await switchChain(chainId);
        }
        return null;
      }
      await approve(origin, 'add-chain', { chainId, name, rpcUrl, symbol });
      // The user agreed to this URL: now check it is reachable and serves the chain it claims.
      const served = await rpcServesChain(rpcUrl);
      if (served === 'unreachable') throw rpcErrors.invalidParams(`The RPC at ${url.origin} did not answer; the network was not added.`);
      if (served !== chainId)
        throw rpcErrors.invalidParams(
          `The RPC at ${url.origin} serves chain ${String(served)}, not ${toHexChainId(chainId)}; the network was not added.`,
        );
      await saveCustomNetwork({ chainId, name, rpcUrl, symbol });
      await switchChain(chainId);
      return null;
    },

    async watchAsset(origin: string, params: unknown[]): Promise<boolean> {
      const p = params[0] as { type?: unknown; options?: Record<string, unknown> } | undefined;
      if (p?.type !== 'ERC20') throw rpcErrors.invalidParams('Sharekeep watches ERC20 tokens only.');
      const options = p.options ?? {};
      if (typeof options.address !== 'string' || !isAddress(options.address, { strict: false }))
        throw rpcErrors.invalidParams('Expected options.address.');
      const token = await inspectToken(options.address, { symbol: options.symbol, decimals: options.decimals }).catch((err: unknown) => {
        throw rpcErrors.invalidParams(err instanceof Error ? err.message : 'Not a token.');
      });
      await approve(origin, 'watch-asset', token);
      await watchToken(token);
      return true;
    },

    inspectToken: (address: string) => inspectToken(address, {}),
    watchToken,
    rpcServesChain,
    saveCustomNetwork,
  };

  /**
   * Asks an RPC URL that is not configured yet which chain it serves: only for a network the
   * user is adding. Returns the chain id it serves, what it said instead, or 'unreachable'.
   */
  async function rpcServesChain(rpcUrl: string): Promise<number | string> {
    let answered: unknown;
    try {
      answered = await deps.probeRpc(rpcUrl, 'eth_chainId');
    } catch {
      return 'unreachable';
    }
    return parseChainId(answered) ?? String(answered).slice(0, 80);
  }

  async function saveCustomNetwork({
    chainId,
    name,
    rpcUrl,
    symbol,
  }: {
    chainId: number;
    name: string;
    rpcUrl: string;
    symbol: string;
  }): Promise<void> {
    await settings.update((s) => ({
      customNetworks: [
        ...s.customNetworks.filter((n) => n.chainId !== chainId),
        { chainId, name, rpcUrl, nativeCurrency: { name: symbol, symbol, decimals: 18 }, custom: true },
      ],
    }));
  }

  /** What the chain and the registry say about a token someone wants to watch. */
  async function inspectToken(raw: string, claimed: { symbol?: unknown; decimals?: unknown }): Promise<WatchCandidate> {
    const address = getAddress(raw);
    const network = await settings.activeNetwork();
    const onChain = (await tokenInfo.lookupFor(rpc, network.chainId, [address]))(address);
    if (!onChain) throw new Error('That address is not an ERC-20 token on the active network.');
    if (claimed.decimals !== undefined && Number(claimed.decimals) !== onChain.decimals)
      throw new Error(`The token has ${onChain.decimals} decimals, not ${String(claimed.decimals)}.`);
    const symbol = typeof claimed.symbol === 'string' && claimed.symbol ? claimed.symbol.slice(0, 16) : onChain.symbol;
    return {
      chainId: network.chainId,
      address,
      symbol,
      decimals: onChain.decimals,
      verified: deps.tokens.policy(network.chainId, address)?.verified ?? false,
      lookalikes: deps.tokens.lookalikes(network.chainId, symbol, address).map((t) => ({ symbol: t.symbol, address: t.address })),
    };
  }

  async function watchToken(token: WatchCandidate): Promise<void> {
    const { chainId, address, symbol, decimals } = token;
    await settings.update((s) => ({
      watchedTokens: [...s.watchedTokens.filter((t) => !(t.chainId === chainId && t.address === address)), { chainId, address, symbol, decimals }],
    }));
    deps.stateChanged();
  }

  async function submit(origin: string, tx: TransactionParams): Promise<Hex> {
    const network = await settings.activeNetwork();
    if (tx.chainId !== undefined && tx.chainId !== network.chainId) {
      throw rpcErrors.invalidParams(`The transaction is for chain ${tx.chainId} but the active network is ${network.chainId}.`);
    }
    const base = { from: tx.from, to: tx.to, data: tx.data, value: tx.value, chainId: network.chainId };
    const firstPass = decodeTransaction(base);
    const info = await tokenInfo.lookupFor(rpc, network.chainId, firstPass.tokens);
    const intent = decodeTransaction(base, { tokenInfo: info, nativeSymbol: network.nativeCurrency.symbol });
    const simulation = await simulateTransaction((m, p) => rpc(m, p), {
      from: tx.from,
      to: tx.to,
      data: tx.data,
      value: tx.value,
      gas: tx.gas,
    }).catch((err): SimulationResult => ({ ok: false, reason: 'unsupported', message: err instanceof Error ? err.message : 'simulation failed' }));
    const verdict = await judge(intent, network.chainId, simulation);
    const simulationView: SigningView['simulation'] = simulation.ok
      ? {
          status: 'ok',
          changes: simulation.changes.map((c) => {
            const token = c.token === 'native' ? undefined : info(c.token);
            const decimals = c.token === 'native' ? 18 : token?.decimals;
            return {
              token: c.token,
              symbol: c.token === 'native' ? network.nativeCurrency.symbol : (token?.symbol ?? c.token),
              delta: decimals === undefined ? `${c.delta} (raw units)` : formatUnits(c.delta, decimals),
            };
          }),
        }
      : simulation.reason === 'reverted'
        ? { status: 'reverted', note: simulation.revertReason ?? 'The transaction would fail.' }
        : {
            status: 'unsupported',
            note: 'Sharekeep could not simulate this transaction on this network, so the balance changes below come from decoding alone.',
          };
    const view: SigningView = {
      account: tx.from,
      chainId: network.chainId,
      chainName: network.name,
      summary: intent.summary,
      intentKind: intent.kind,
      ...describe(intent, info, network.nativeCurrency.symbol),
      simulation: simulationView,
      verdict,
      warnings: intent.warnings,
      transaction: { to: tx.to, value: formatUnits(tx.value, 18), data: tx.data, nativeSymbol: network.nativeCurrency.symbol },
    };
    await approveAndCheck(origin, 'transaction', view);

    const chainId = network.chainId;
    const hash = await nonces.withNextNonce(
      chainId,
      tx.from,
      {
        pendingCount: async () => Number(BigInt((await rpc('eth_getTransactionCount', [tx.from, 'pending'])) as string)),
        knowsTransaction: async (h) => (await rpc('eth_getTransactionByHash', [h])) !== null,
      },
      async (nonce) => {
        const request = { from: tx.from, to: tx.to, data: tx.data, value: `0x${tx.value.toString(16)}` };
        // Headroom: gas use can grow between estimate and inclusion (time-dependent fees, rebasing tokens).
        const gas = tx.gas ?? (BigInt((await rpc('eth_estimateGas', [request])) as string) * 5n) / 4n + 25_000n;
        const serializable = { chainId, nonce, to: tx.to, data: tx.data, value: tx.value, gas, ...(await fees(tx)) } as TransactionSerializable;
        const signed = await keys.signTransaction(tx.from, serializable);
        return (await rpc('eth_sendRawTransaction', [signed])) as Hex;
      },
    );
    await deps.activity.add({
      hash,
      chainId,
      from: tx.from,
      to: tx.to,
      origin,
      summary: intent.summary,
      status: 'pending',
      createdAt: deps.clock.now(),
      nonce: -1,
    });
    deps.stateChanged();
    return hash;
  }

  /** EIP-1559 fees from the latest block and the node's tip; legacy gas price where the chain has no base fee. */
  async function fees(tx: TransactionParams): Promise<Partial<TransactionSerializable>> {
    if (tx.gasPrice !== undefined || tx.type === 'legacy') {
      return { type: 'legacy', gasPrice: tx.gasPrice ?? BigInt((await rpc('eth_gasPrice')) as string) };
    }
    const block = (await rpc('eth_getBlockByNumber', ['latest', false])) as { baseFeePerGas?: string } | null;
    if (!block?.baseFeePerGas) return { type: 'legacy', gasPrice: tx.gasPrice ?? BigInt((await rpc('eth_gasPrice')) as string) };
    const baseFee = BigInt(block.baseFeePerGas);
    let tip = tx.maxPriorityFeePerGas;
    if (tip === undefined) {
      try {
        tip = BigInt((await rpc('eth_maxPriorityFeePerGas')) as string);
      } catch {
        tip = 1_000_000_000n;
      }
    }
    const maxFee = tx.maxFeePerGas ?? baseFee * 2n + tip;
    return { type: 'eip1559', maxFeePerGas: maxFee, maxPriorityFeePerGas: tip > maxFee ? maxFee : tip };
  }
}
