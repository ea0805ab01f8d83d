/**
 * Mint and redeem through allowlisted issuers. The token's issuer must have an allowlisted
 * origin and contract in the registry; the user's jurisdiction must allow the trade (a block
 * verdict sends nothing, not even a quote request); the issuer's quote is validated and checked
 * against what was asked; every transaction then takes the wallet's signing road (decode,
 * simulate, judge) as one plan the user approves once; and settlement is read back from chain state.
 */
import type { Address } from 'viem';
import { evaluateIssuerRequest } from '../compliance';
import { WalletError } from '../errors';
import type { IssuerAdapter } from './adapter';
import { attestationAdapter } from './attestation';
import { depositAdapter, payoutAfter } from './deposit';
import { type ChainReader, createChainReader } from './chain';
import { issuerError } from './errors';
import { createDinariApi } from './dinari-api';
import { quoteDinariOrder } from './dinari-order';
import { createIssuerApi } from './issuer-api';
import { createOndoApi } from './ondo-gm-client';
import { quoteOndoAttestation } from './ondo-quote';
import { orderProcessorAdapter } from './order-processor';
import { createQuoteChecks, createResume } from './plan-resume';
import { createPlanRunner } from './plan-run';
import { priceCheckFor } from './price-check';
import { createRequestBook } from './request-store';
import { ensureBalance, failRequest, payoutNote, recordSettlement, requirePreApproved, tokenRef } from './request-steps';
import { contractsFor, offChainMint, requireAllowlisted, requireAllowlistedContract, requireAllowlistedPayout, resolveIssuer } from './resolve';
import type { CheckedQuote, IssuerProtocol, IssuerSide, QuoteAsk } from './types';
import type { IssuerOptions, IssuerService, IssuerServiceDeps, QuoteParams } from './service-types';
import { type IssuerRequest, type IssuerRequestView, toView } from './view';

export type { IssuerOptions, IssuerService, IssuerServiceDeps, IssuerTransaction, QuoteParams } from './service-types';

const ADAPTERS: Record<IssuerProtocol, IssuerAdapter> = {
  attestation: attestationAdapter,
  'order-processor': orderProcessorAdapter,
  deposit: depositAdapter,
};

export function createIssuerService(deps: IssuerServiceDeps): IssuerService {
  const chain: ChainReader = createChainReader(deps.rpc);
  const sleep = (ms: number) => deps.clock.sleep(ms);
  // Where the wallet's own price comes from on a chain: the token's feed, else its deepest pool.
  const marketOf = (chainId: number) => ({ dex: deps.registry()?.dexOn(chainId), now: () => deps.clock.now() });
  const book = createRequestBook(deps.store, deps.clock);
  const persist = () => book.save();
  let counter = 0;

  async function requireChain(chainId: number) {
    await deps.ready();
    const active = await deps.activeChainId();
    if (chainId !== active)
      throw issuerError('issuer.unsupported', `Switch to network ${chainId} first: Sharekeep mints and redeems on the active network only.`);
  }

  async function blockReason(chainId: number, token: Address, side: IssuerSide, paymentToken?: Address): Promise<string | undefined> {
    const verdict = evaluateIssuerRequest({
      chainId,
      jurisdiction: await deps.jurisdiction(),
      lookupToken: deps.policy,
      request: { action: side, token, ...(paymentToken ? { paymentToken } : {}) },
    });
    return verdict.verdict === 'block' ? verdict.reasons.find((r) => r.severity === 'block')?.message : undefined;
  }

  async function refuseIfBlocked(chainId: number, token: Address, side: IssuerSide, paymentToken?: Address) {
    const reason = await blockReason(chainId, token, side, paymentToken);
    if (reason) throw issuerError('issuer.blocked', `${reason} Nothing was sent to the issuer.`);
  }

  const checks = createQuoteChecks(deps, chain, marketOf);
  const { expiryCheck, refusePrice } = checks;
  const plans = createPlanRunner(deps, chain, persist, sleep, expiryCheck);

  async function fail(request: IssuerRequest, err: unknown): Promise<never> {
    failRequest(request, err);
    await persist();
    if (err instanceof WalletError || (err as { code?: unknown }).code !== undefined) throw err;
    throw issuerError('issuer.failed', 'The request failed; nothing more was sent.', err);
  }

  /** Activity's line for a mint or a redemption: payout pending once its issuer call is sent, the amount received once settled. */
  async function notePayout(request: IssuerRequest) {
    const note = payoutNote(request);
    if (note && deps.notePayout) await deps.notePayout(note.hash, note.payout).catch(() => undefined);
  }

  const resume = createResume({ deps, plans, checks, persist, fail, notePayout });

  return {
    /** What the token-detail screen may offer: mint and redeem buttons, and what would block them. */
    async options(chainId: number, tokenAddress: string): Promise<IssuerOptions> {
      await deps.ready();
      const registry = deps.registry();
      const token = registry?.findToken(chainId, tokenAddress);
      const ref = token
        ? { address: token.address, symbol: token.symbol, decimals: token.decimals }
        : { address: tokenAddress, symbol: '?', decimals: 18 };
      let resolved: ReturnType<typeof resolveIssuer>;
      try {
        resolved = resolveIssuer(registry, chainId, tokenAddress);
      } catch {
        return { chainId, token: ref, mint: false, redeem: false, blocked: {} };
      }
      const usable = (side: IssuerSide) => resolved.origin !== undefined && contractsFor(resolved, side).length > 0;
      const blocked: IssuerOptions['blocked'] = {};
      for (const side of ['mint', 'redeem'] as const) {
        const reason = usable(side) ? await blockReason(chainId, resolved.token.address as Address, side) : undefined;
        if (reason) blocked[side] = reason;
      }
      const deposit = resolved.issuer.redemptionByDeposit;
      const name = resolved.issuer.name;
      const unavailable: NonNullable<IssuerOptions['unavailable']> = {};
      const offChain = offChainMint(resolved);
      if (offChain) unavailable.mint = offChain;
      if (deposit && resolved.redeemContracts.length === 0) {
        unavailable.redeem = {
          reason: `${name} redeems tokens sent to its registered deposit address from a wallet it has approved; Sharekeep does not know that address on this network, so it cannot send a redemption. Redeem through ${name}'s onboarding.`,
          link: deposit.onboarding,
        };
      }
      return {
        chainId,
        token: ref,
        issuer: { id: resolved.issuer.id, name, ...(resolved.origin ? { origin: resolved.origin } : {}) },
        mint: usable('mint'),
        redeem: usable('redeem'),
        blocked,
        ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
      };
    },

    /** Asks the token's allowlisted issuer for a quote; nothing is signed yet. */
    async quote(params: QuoteParams): Promise<IssuerRequestView> {
      await requireChain(params.chainId);
      if (params.quantity <= 0n) throw issuerError('issuer.bad_amount', 'Enter an amount above zero.');
      const resolved = resolveIssuer(deps.registry(), params.chainId, params.token);
      const origin = requireAllowlisted(resolved, params.side);
      const token = resolved.token.address as Address;
      const user = await deps.signer(params.from);
      await refuseIfBlocked(params.chainId, token, params.side);
      const registry = deps.registry()!;
      if (!deps.fetch) throw issuerError('issuer.unavailable', 'This build of Sharekeep cannot reach issuers.');
      const allowlisted = (o: string) => registry.isAllowlistedIssuerOrigin(o);
      const api = createIssuerApi(deps.fetch, { name: resolved.issuer.name, origin }, allowlisted);
      const ask: QuoteAsk = {
        chainId: params.chainId,
        issuerId: resolved.issuer.id,
        issuerName: resolved.issuer.name,
        user,
        token,
        side: params.side,
        quantity: params.quantity,
      };
      let adapter: IssuerAdapter | undefined;
      let quote: CheckedQuote;
      if (resolved.issuer.api === 'dinari-v2') {
        // Dinari's API v2: a signed fee quote; the wallet builds the order itself at its own price.
        adapter = orderProcessorAdapter;
        const credentials = await deps.credentials?.(resolved.issuer.id);
        const dinari = createDinariApi(deps.fetch, { name: resolved.issuer.name, origin }, allowlisted, credentials);
        quote = await quoteDinariOrder({ chain, rpc: deps.rpc, market: marketOf(ask.chainId) }, dinari, resolved, ask);
      } else if (resolved.issuer.api === 'ondo-gm') {
        // Ondo GM's attestation API: a signed Quote for the manager; the user's KYC is Ondo's check, keyed to the API key.
        adapter = attestationAdapter;
        const endpoint = { name: resolved.issuer.name, origin, onboarding: resolved.issuer.terms };
        const ondo = createOndoApi(deps.fetch, endpoint, allowlisted, await deps.credentials?.(resolved.issuer.id));
        quote = await quoteOndoAttestation(chain, ondo, resolved, ask);
      } else {
        const kyc = await api.kyc(user);
        if (!kyc.verified) {
          throw issuerError(
            'issuer.kyc_required',
            `${resolved.issuer.name} has no completed identity check (KYC) for ${user}. Complete it with the issuer, then try again.`,
          );
        }
        const raw = await api.quote({ token, side: params.side === 'mint' ? 'buy' : 'sell', quantity: params.quantity.toString(), address: user });
        const kind = (raw as { kind?: unknown }).kind;
        adapter = typeof kind === 'string' && Object.hasOwn(ADAPTERS, kind) ? ADAPTERS[kind as IssuerProtocol] : undefined;
        if (!adapter?.checkQuote)
          throw issuerError('issuer.bad_answer', `${resolved.issuer.name} answered with a protocol Sharekeep does not speak. Nothing was signed.`);
        quote = adapter.checkQuote(raw, ask);
      }
      requireAllowlistedContract(resolved, params.side, quote.contract);
      if (quote.payout) requireAllowlistedPayout(resolved, quote.payout.from);
      if (quote.protocol === 'deposit') await requirePreApproved(api, resolved, user, quote.contract);
      await adapter.confirmOnChain?.(chain, quote, ask);
      if (quote.marketStatus !== 'open') {
        throw issuerError(
          'issuer.market_closed',
          `${resolved.issuer.name} only mints and redeems while the market is open. Try again during market hours.`,
        );
      }
      const now = await chain.chainTime();
      if (quote.expiry <= now)
        throw issuerError('issuer.quote_expired', `${resolved.issuer.name} sent a quote that has already expired. Ask for a new quote.`);

      const payment = await tokenRef(chain, quote.paymentToken);
      const checked = await priceCheckFor(deps.rpc, resolved.token, quote, payment.decimals, marketOf(params.chainId));
      const priceCheck = quote.walletPriced
        ? {
            ...checked,
            message: `${resolved.issuer.name} quotes no price for a market order: the price and amount shown are from Sharekeep's own ${checked.source === 'dex' ? 'DEX price' : 'price feed'}, and the order fills at the market price when ${resolved.issuer.name} executes it. The fee is ${resolved.issuer.name}'s signed quote.`,
          }
        : checked;
      const request: IssuerRequest = {
        id: `${deps.clock.now().toString(36)}-${(counter++).toString(36)}`,
        chainId: params.chainId,
        user,
        origin: `${resolved.issuer.name} (${origin})`,
        issuer: { id: resolved.issuer.id, name: resolved.issuer.name, origin },
        token: { address: token, symbol: resolved.token.symbol, decimals: resolved.token.decimals },
        payment,
        quote,
        priceCheck,
        expiresAt: deps.clock.now() + Number(quote.expiry - now) * 1000,
        status: 'quote',
        busy: false,
        hashes: [],
      };
      await book.add(request);
      return toView(request);
    },

    /**
     * The quoted request as one plan (the allowance the issuer call needs, if not already given,
     * then the issuer call or the deposit transfer), approved in one window, then sent step by
     * step without further windows.
     */
    async submit(id: string): Promise<IssuerRequestView> {
      const request = await book.find(id);
      if (request.status !== 'quote' || request.busy) return toView(request);
      request.busy = true;
      try {
        await requireChain(request.chainId);
        const user = await deps.signer(request.user);
        if (user !== request.user) throw issuerError('issuer.no_account', 'The quote was made for another account. Ask for a new quote.');
        await refuseIfBlocked(request.chainId, request.quote.token, request.quote.side, request.quote.paymentToken);
        await expiryCheck(request);
        await refusePrice(request);
        await ensureBalance(chain, request);
        await book.marking(request, () => plans.approve(request));
        await plans.run(request);
        await notePayout(request);
        return toView(request);
      } catch (err) {
        return fail(request, err);
      } finally {
        request.busy = false;
      }
    },

    /** Where a request stands, read from the chain: settled only once the issuer's events (or its payout) say so. */
    async status(id: string): Promise<IssuerRequestView> {
      const request = await book.find(id);
      resume(request);
      if ((request.status !== 'submitted' && request.status !== 'payout-pending') || request.busy) return toView(request);
      request.busy = true;
      try {
        const before = request.status;
        const settlement =
          request.status === 'payout-pending'
            ? await payoutAfter(chain, request.quote, request.user, BigInt(request.depositBlock ?? 0))
            : await ADAPTERS[request.quote.protocol].settlement(chain, request.quote, request.hashes.at(-1)!, request.user);
        await recordSettlement(chain, request, settlement, deps.clock.now());
        if (request.status !== before || request.status === 'payout-pending') await persist();
        if (request.status !== before) await notePayout(request);
      } finally {
        request.busy = false;
      }
      return toView(request);
    },

    async track() {
      await deps.ready();
      const underWay = (await book.all()).filter((r) => ['sending', 'submitted', 'payout-pending'].includes(r.status));
      for (const request of underWay) await this.status(request.id).catch(() => undefined);
    },

    /** The newest request for a token (the popup reopened while one was under way). */
    async latest(chainId: number, token: string): Promise<IssuerRequestView | undefined> {
      const mine = (await book.all()).filter(
        (r) => r.chainId === chainId && r.token.address.toLowerCase() === token.toLowerCase() && r.status !== 'quote',
      );
      const last = mine.at(-1);
      if (last) resume(last);
      return last ? toView(last) : undefined;
    },
  };
}
