import { describe, expect, it, vi } from 'vitest';
import { createAllowlistedFetch, createIssuerApi } from '../../../lib/issuers';
import { systemClock } from '../../../lib/ports';
import { createFakeFetch, ORIGIN, USER } from './fixtures';

describe('the allowlisted fetch port', () => {
  const allowed = (origin: string) => origin === ORIGIN;

  it.each([
    ['another host', 'https://evil.example/v1/quotes'],
    ['another port on the same host', 'http://127.0.0.1:8788/v1/quotes'],
    ['https instead of http', 'https://127.0.0.1:8787/v1/quotes'],
    ['userinfo tricks', 'http://127.0.0.1:8787@evil.example/v1/quotes'],
    ['a non-http scheme', 'file:///etc/passwd'],
    ['not a URL', 'v1/quotes'],
  ])('refuses %s before calling fetch', async (_name, url) => {
    const fetchImpl = vi.fn();
    await expect(createAllowlistedFetch(fetchImpl, allowed, systemClock)(url)).rejects.toMatchObject({ code: 'issuer.not_allowlisted' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('sends to an allowlisted origin without cookies and refusing redirects', async () => {
    const fetchImpl = vi.fn(async () => ({ status: 200, json: async () => ({ ok: true }) }));
    const response = await createAllowlistedFetch(fetchImpl, allowed, systemClock)(`${ORIGIN}/health`, { method: 'GET' });
    expect(await response.json()).toEqual({ ok: true });
    expect(fetchImpl).toHaveBeenCalledWith(`${ORIGIN}/health`, expect.objectContaining({ method: 'GET', redirect: 'error', credentials: 'omit' }));
  });
});

describe('the issuer HTTP client', () => {
  it('checks the origin against the registry itself, before the port is asked', async () => {
    const http = createFakeFetch();
    const api = createIssuerApi(http.fetch, { name: 'Devnet Attest', origin: 'https://evil.example' }, (o) => o === ORIGIN);
    await expect(api.kyc(USER)).rejects.toMatchObject({ code: 'issuer.not_allowlisted' });
    expect(http.calls).toEqual([]);
  });

  it.each([
    ['a KYC answer without a verdict', { address: USER, userId: null }],
    ['a KYC answer for another address', { address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', verified: true, userId: null }],
    ['a KYC answer with a bad user id', { address: USER, verified: true, userId: '0x12' }],
  ])('refuses %s as issuer.bad_answer', async (_name, answer) => {
    const http = createFakeFetch();
    http.routes[`GET /v1/kyc/${USER}`] = () => [200, answer];
    const api = createIssuerApi(http.fetch, { name: 'Devnet Attest', origin: ORIGIN }, () => true);
    await expect(api.kyc(USER)).rejects.toMatchObject({ code: 'issuer.bad_answer' });
  });

  it('names the issuer and what to do in its error sentences', async () => {
    const http = createFakeFetch();
    http.routes['POST /v1/quotes'] = () => [409, { error: { code: 'market_closed', message: 'NASDAQ is closed' } }];
    const api = createIssuerApi(http.fetch, { name: 'Devnet Orders', origin: ORIGIN }, () => true);
    const error = (await api.quote({ token: 'x', side: 'buy', quantity: '1', address: USER }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'issuer.market_closed' });
    expect(error.message).toMatch(/^Devnet Orders refused the request \(NASDAQ is closed\)\. .*market hours/);
  });
});
