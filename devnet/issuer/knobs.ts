/** Clients for the issuer service's operator knobs, for tests and demos. */

/** Sets the deviant-quote setting for one token (see README.md, `PUT /v1/pricing`); 0, 0 clears it. */
export async function setQuoteSkew(serviceUrl: string, token: string, priceBps: number, valueBps = 0): Promise<void> {
  const response = await fetch(`${serviceUrl}/v1/pricing`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, priceBps, valueBps }),
  });
  if (response.status !== 200) throw new Error(`PUT /v1/pricing answered ${response.status}: ${await response.text()}`);
}
