/**
 * The issuer's HTTP API (KYC status, signed quotes) over the AllowlistedFetch port. The
 * origin is checked against the registry here too, before the port is even asked; every
 * answer is validated; every failure becomes a WalletError that names the issuer.
 */
import * as v from 'valibot';
import type { AllowlistedFetch } from '../ports';
import { fromServiceError, issuerError } from './errors';
import { firstIssue, type KycAnswer, KycAnswerSchema, type RedemptionWalletAnswer, RedemptionWalletSchema, ServiceErrorSchema } from './schemas';

export interface IssuerEndpoint {
  name: string;
  /** Scheme, host and port, e.g. https://api.issuer.example */
  origin: string;
}

export interface QuoteBody {
  token: string;
  side: 'buy' | 'sell';
  quantity: string;
  address: string;
}

export interface IssuerApi {
  kyc(address: string): Promise<KycAnswer>;
  /** The raw quote, already known to be a success answer; the protocol adapter validates its shape. */
  quote(body: QuoteBody): Promise<unknown>;
  /** A deposit issuer: whether it pre-approved (whitelisted) this wallet to redeem. */
  redemptionWallet(address: string): Promise<RedemptionWalletAnswer>;
}

export function createIssuerApi(fetch: AllowlistedFetch, endpoint: IssuerEndpoint, isAllowlisted: (origin: string) => boolean): IssuerApi {
  const badAnswer = (detail: string) =>
    issuerError(
      'issuer.bad_answer',
      `${endpoint.name} answered something Sharekeep does not understand (${detail}). Nothing was signed; try again later.`,
    );

  async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${endpoint.origin}${path}`;
    if (!isAllowlisted(new URL(url).origin)) {
      throw issuerError('issuer.not_allowlisted', `${endpoint.name} at ${endpoint.origin} is not in Sharekeep's issuer allowlist. Nothing was sent.`);
    }
    let response: Awaited<ReturnType<AllowlistedFetch>>;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'issuer.not_allowlisted') throw err;
      throw issuerError('issuer.unavailable', `${endpoint.name} could not be reached. Nothing was sent; check your connection and try again.`, err);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (response.status < 200 || response.status >= 300) {
      const error = v.safeParse(ServiceErrorSchema, json);
      throw fromServiceError(
        endpoint.name,
        response.status,
        error.success ? error.output.error.code : undefined,
        error.success ? error.output.error.message : undefined,
      );
    }
    if (json === undefined) throw badAnswer('not JSON');
    return json;
  }

  return {
    async kyc(address) {
      const parsed = v.safeParse(KycAnswerSchema, await request('GET', `/v1/kyc/${encodeURIComponent(address)}`));
      if (!parsed.success) throw badAnswer(firstIssue(parsed.issues));
      if (parsed.output.address.toLowerCase() !== address.toLowerCase()) throw badAnswer('KYC status for another address');
      return parsed.output;
    },
    quote: (body) => request('POST', '/v1/quotes', body),
    async redemptionWallet(address) {
      const parsed = v.safeParse(RedemptionWalletSchema, await request('GET', `/v1/redemption-wallets/${encodeURIComponent(address)}`));
      if (!parsed.success) throw badAnswer(firstIssue(parsed.issues));
      if (parsed.output.address.toLowerCase() !== address.toLowerCase()) throw badAnswer('the approval of another address');
      return parsed.output;
    },
  };
}
