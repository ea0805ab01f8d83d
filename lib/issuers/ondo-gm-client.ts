/**
 * Ondo GM's attestation API over the AllowlistedFetch port: POST /v1/attestations (a signed quote
 * to mint or redeem), with the user's own API key in the `x-api-key` header (https://docs.ondo.finance/api-reference). The origin is
 * checked against the registry before the port is asked; failures become the user's errors.
 */
import type { AllowlistedFetch } from '../ports';
import { issuerError } from './errors';
import { attestationBody, type OndoAsk, ondoError } from './ondo-gm-api';

export interface OndoApi {
  /** The raw attestation answer (a success answer); check it with parseAttestation. */
  attestation(ask: OndoAsk): Promise<unknown>;
}

export function createOndoApi(
  fetch: AllowlistedFetch,
  endpoint: { name: string; origin: string; onboarding: string },
  isAllowlisted: (origin: string) => boolean,
  credentials: Record<string, string> | undefined,
): OndoApi {
  const { name } = endpoint;

  async function post(path: string, ask: OndoAsk): Promise<unknown> {
    const apiKey = credentials?.apiKey;
    if (!apiKey)
      throw issuerError(
        'issuer.no_account',
        `${name} answers only with your Ondo GM API key. Add it in Settings → Issuer access (Ondo issues it: ${endpoint.onboarding}); nothing was sent.`,
      );
    const url = `${endpoint.origin}${path}`;
    if (!isAllowlisted(new URL(url).origin))
      throw issuerError('issuer.not_allowlisted', `${name} at ${endpoint.origin} is not in Sharekeep's issuer allowlist. Nothing was sent.`);
    let response: Awaited<ReturnType<AllowlistedFetch>>;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify(attestationBody(ask)),
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'issuer.not_allowlisted') throw err;
      throw issuerError('issuer.unavailable', `${name} could not be reached. Nothing was sent; check your connection and try again.`, err);
    }
    const json = await response.json().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) throw ondoError(response.status, json, endpoint.onboarding, name);
    if (json === undefined)
      throw issuerError('issuer.bad_answer', `${name} answered something that is not JSON. Nothing was signed; try again later.`);
    return json;
  }

  return {
    attestation: (ask) => post('/v1/attestations', ask),
  };
}
