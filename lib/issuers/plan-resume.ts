/**
 * Checks an approved plan's quote must still pass before a step is sent (expiry, the price against
 * the wallet's own), and the resumption of a plan the worker stopped in the middle of.
 */
import { issuerError } from './errors';
import type { PlanRunner } from './plan-run';
import { type MarketSource, type PriceCheck, priceCheckFor, refuseBlockedPrice } from './price-check';
import type { ChainReader } from './chain';
import type { IssuerServiceDeps } from './service-types';
import type { IssuerRequest } from './view';

/** Time left on a quote below which Sharekeep asks for a new one rather than risk a revert. */
const EXPIRY_MARGIN_SECONDS = 5n;

export interface QuoteChecks {
  /** The quote's price against the wallet's own price now. */
  priceNow(request: IssuerRequest): Promise<PriceCheck>;
  /** Throws issuer.quote_expired when the quote has (nearly) run out. */
  expiryCheck(request: IssuerRequest): Promise<void>;
  /** The quote's check at quote time and again now: a price that blocks either time sends nothing. */
  refusePrice(request: IssuerRequest): Promise<void>;
}

export function createQuoteChecks(
  deps: Pick<IssuerServiceDeps, 'rpc' | 'registry'>,
  chain: ChainReader,
  marketOf: (chainId: number) => MarketSource,
): QuoteChecks {
  async function priceNow(request: IssuerRequest) {
    const token = deps.registry()?.findToken(request.chainId, request.token.address);
    if (!token) throw issuerError('issuer.unsupported', 'Sharekeep no longer knows this token; nothing was sent.');
    return priceCheckFor(deps.rpc, token, request.quote, request.payment.decimals, marketOf(request.chainId));
  }

  async function expiryCheck(request: IssuerRequest) {
    if (request.quote.expiry <= (await chain.chainTime()) + EXPIRY_MARGIN_SECONDS) {
      throw issuerError('issuer.quote_expired', `The quote from ${request.issuer.name} has expired. Ask for a new quote.`);
    }
  }

  /** The quote's check at quote time and again now: a price that blocks either time sends nothing. */
  async function refusePrice(request: IssuerRequest) {
    refuseBlockedPrice(request.priceCheck, request.issuer.name);
    const now = await priceNow(request);
    if (now.level === 'block') request.priceCheck = now;
    refuseBlockedPrice(now, request.issuer.name);
  }
  return { priceNow, expiryCheck, refusePrice };
}

/**
 * A plan approved before the worker stopped (found by the popup, Activity or the background's
 * alarm): what is left of it is sent, nothing twice. Before a step not sent yet goes out, the
 * vault must be unlocked (else the request waits and says so), the quote must not have expired,
 * and the quote's price is checked again against the wallet's price now: over 10% off the plan
 * stops, over 2% (when the approved plan was not already warned of it) the user is asked again.
 */
export function createResume(parts: {
  deps: Pick<IssuerServiceDeps, 'unlocked' | 'changed'>;
  plans: PlanRunner;
  checks: QuoteChecks;
  persist: () => Promise<void>;
  fail: (request: IssuerRequest, err: unknown) => Promise<never>;
  notePayout: (request: IssuerRequest) => Promise<void>;
}): (request: IssuerRequest) => void {
  const { deps, plans, checks, persist, fail, notePayout } = parts;
  const { expiryCheck, priceNow } = checks;
  function resume(request: IssuerRequest) {
    if (request.status !== 'sending' || request.busy) return;
    request.busy = true;
    beforeResume(request)
      .then((go) => (go ? plans.run(request).then(() => notePayout(request)) : undefined))
      .catch((err) => fail(request, err).catch(() => undefined))
      .finally(() => {
        request.busy = false;
      });
  }

  /** False when the request must wait (the vault is locked and a step is still to be signed). */
  async function beforeResume(request: IssuerRequest): Promise<boolean> {
    const next = request.plan?.steps.findIndex((s) => !s.hash) ?? -1;
    if (next < 0) return true;
    const total = request.plan!.steps.length;
    if (deps.unlocked && !deps.unlocked()) {
      const note = `Waiting for you to unlock Sharekeep to send step ${next + 1} of ${total}; nothing more is sent until then.`;
      if (request.note !== note) {
        request.note = note;
        await persist();
        deps.changed?.();
      }
      return false;
    }
    await expiryCheck(request);
    const approved = request.priceCheck;
    const now = await priceNow(request);
    request.priceCheck = now;
    refuseBlockedPrice(now, request.issuer.name);
    if (now.level === 'warn' && approved?.level !== 'warn') {
      await plans.approve(request, `The price moved since you approved this plan: ${now.message}`);
    }
    return true;
  }
  return resume;
}
