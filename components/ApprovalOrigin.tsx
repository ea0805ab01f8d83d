/** The site that asked, exactly as the browser reported its origin, with notes where it can mislead. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(origin: string): URL | undefined {
  try {
    return new URL(origin);
  } catch {
    return undefined;
  }
}

export function ApprovalOrigin({ origin }: { origin: string }) {
  const url = parse(origin);
  const punycode = url?.hostname.split('.').some((label) => label.startsWith('xn--')) ?? false;
  const insecure = url?.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname);
  return (
    <section className="approval-site">
      <span className="approval-label">Request from</span>
      <strong className="approval-origin" data-testid="approval-origin">
        {origin}
      </strong>
      {punycode && (
        <p className="approval-note warn" data-testid="approval-punycode">
          This address is written in punycode (xn--): the site's real name uses non-Latin letters, which can imitate a familiar site. Check it is the
          site you meant to use.
        </p>
      )}
      {insecure && <p className="approval-note warn">This site does not use a secure (https) connection.</p>}
    </section>
  );
}
