// The hostile-request generator the fuzz e2e test and the bench run inside a dApp page.
// It is serialised into the page by page.evaluate, so it must not close over anything.

export interface FuzzTally {
  results: number;
  errors: number;
  badErrors: unknown[];
  codes: Record<string, number>;
  signatures: number;
}

/** Runs in the page: builds `count` hostile requests from a seed, fires them in floods, tallies answers. */
export function fuzzInPage({ count, seed, connected }: { count: number; seed: number; connected: boolean }): Promise<FuzzTally> {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const account = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
  const methods = [
    'eth_chainId',
    'eth_accounts',
    'eth_sign',
    'personal_sign',
    'eth_signTypedData_v4',
    'eth_signTypedData_v3',
    'eth_sendTransaction',
    'wallet_switchEthereumChain',
    'wallet_addEthereumChain',
    'wallet_watchAsset',
    'wallet_requestPermissions',
    'wallet_revokePermissions',
    'eth_call',
    'eth_getBalance',
    'eth_blockNumber',
    'eth_estimateGas',
    'eth_getLogs',
    'net_version',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '',
    'x'.repeat(300),
    'eth_signTransaction',
    'wallet_getCapabilities',
    'eth_decrypt',
    'metamask_foo',
  ];
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  const atoms: unknown[] = [
    null,
    undefined,
    0,
    -1,
    1e308,
    Number.NaN,
    true,
    '',
    '0x',
    '0x1',
    '0xzz',
    '100',
    account,
    account.toLowerCase(),
    'x'.repeat(10_000),
    '\u0000\uffff',
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: {} } },
    [],
    [[[[[]]]]],
    { chainId: '0x0' },
    { chainId: `0x${(100_000 + Math.floor(rand() * 1e9)).toString(16)}` },
    { chainId: 'not-hex' },
    { type: 'ERC20', options: { address: '0x1234' } },
    { eth_accounts: { nested: 'x' } },
    { from: account, value: '12' },
    { from: account, data: '0x123' },
    { from: account, to: '0x0', gas: '-1' },
    { types: 'not-an-object' },
    JSON.stringify({ types: {}, primaryType: 'X', domain: {}, message: {} }),
  ];
  const hostile: unknown[] = [() => 1, Symbol('s'), 10n, circular, new Array(1e6).fill(1)];
  const param = (depth = 0): unknown => {
    const r = rand();
    if (r < 0.55 || depth > 3) return pick(atoms);
    if (r < 0.65) return pick(hostile);
    if (r < 0.85) return Array.from({ length: Math.floor(rand() * 4) }, () => param(depth + 1));
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < 3; i++)
      obj[pick(['from', 'to', 'data', 'value', 'chainId', '__proto__', 'constructor', 'domain', 'types'])] = param(depth + 1);
    return obj;
  };
  const request = (): unknown => {
    const method = pick(methods);
    if (connected) {
      // A connected site: only malformed shapes of the signing methods (well-formed ones would rightly ask the user).
      const malformed: Record<string, unknown[]> = {
        personal_sign: [
          [42, account],
          [{}, account],
          ['0x00'.repeat(600_000), account],
        ],
        eth_signTypedData_v4: [
          [account, '{'],
          [account, { types: {}, primaryType: 'Nope', domain: {}, message: {} }],
          [account, pick(atoms)],
        ],
        eth_sendTransaction: [
          [{ from: account, value: '12' }],
          [{ from: account, to: '0x12', value: '0x1' }],
          [{ from: account, data: '0x123', to: account }],
          [],
        ],
        wallet_switchEthereumChain: [[{ chainId: 1 }], [{}], [null]],
        wallet_addEthereumChain: [[{ chainId: '0x1', rpcUrls: [] }], [{ chainId: 'zz' }]],
      };
      if (method in malformed) return { method, params: pick(malformed[method]) };
      if (method === 'wallet_requestPermissions') return { method, params: [{ eth_accounts: {}, extra: {} }] };
    }
    const r = rand();
    if (r < 0.03) return pick(hostile); // not even an object
    if (r < 0.06) return { params: [] }; // no method
    // Well-formed connect requests would rightly ask the user: only malformed ones here.
    if (method === 'wallet_requestPermissions') return { method, params: pick([[{ eth_accounts: {}, bogus: 1 }], [{}], ['eth_accounts'], [[]]]) };
    return { method, params: rand() < 0.7 ? [param(), param()] : param() };
  };

  const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum;
  const tally = { results: 0, errors: 0, badErrors: [] as unknown[], codes: {} as Record<string, number>, signatures: 0 };
  const one = async () => {
    try {
      const result = await provider.request(request() as never);
      tally.results++;
      if (typeof result === 'string' && /^0x[0-9a-f]{130}$/i.test(result)) tally.signatures++;
    } catch (e) {
      const err = e as { code?: unknown; message?: unknown };
      const ok = typeof err?.code === 'number' && Number.isInteger(err.code) && typeof err.message === 'string';
      if (ok) {
        tally.errors++;
        tally.codes[String(err.code)] = (tally.codes[String(err.code)] ?? 0) + 1;
      } else if (tally.badErrors.length < 5) tally.badErrors.push(String(e));
      else tally.badErrors.length++;
    }
  };
  return (async () => {
    for (let done = 0; done < count; ) {
      const flood = Math.min(count - done, 250 + Math.floor(rand() * 750));
      await Promise.all(Array.from({ length: flood }, one));
      done += flood;
    }
    return tally;
  })();
}

export interface RawFrameTally {
  posted: number;
  answered: number;
  /** Ids that got more answers than well-formed frames carried them. */
  overAnswered: string[];
  /** Frames refused because their id was already in flight. */
  collisions: number;
  codes: Record<string, number>;
}

/**
 * Runs in the page: posts `count` raw window.postMessage frames at the relay, bypassing the
 * provider: ids drawn from a small pool (so requests in flight collide), values only structured
 * clone can carry (BigInt, Map, Date, ArrayBuffer, RegExp...), and shapes the relay must drop.
 * Resolves once every well-formed frame got exactly one answer; never resolves if one is lost.
 */
export function rawFramesInPage({
  count,
  seed,
  toContent,
  toInpage,
}: {
  count: number;
  seed: number;
  toContent: string;
  toInpage: string;
}): Promise<RawFrameTally> {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const ids: unknown[] = ['a', 'b', 'c', 1, 2, 3, 0, 'x'.repeat(64)];
  const badIds: unknown[] = [null, {}, [], 1.5, 'x'.repeat(65), '', Number.NaN];
  // Requests an unconnected site may make without asking the user.
  const methods = [
    'eth_chainId',
    'eth_accounts',
    'eth_blockNumber',
    'net_version',
    'personal_sign',
    'eth_sendTransaction',
    'eth_signTypedData_v4',
    'eth_call',
    'sharekeep_nope',
  ];
  const cloneOnly = (): unknown =>
    pick<() => unknown>([
      () => 10n,
      () => new Map([['k', 1]]),
      () => new Set([1, 2]),
      () => new Date(0),
      () => /re/g,
      () => new ArrayBuffer(8),
      () => new Uint8Array([1, 2, 3]),
      () => new Error('e'),
      () => [new Map(), { d: new Date() }],
      () => '0x68656c6c6f',
    ])();
  const expected = new Map<string, number>();
  const answers = new Map<string, number>();
  const tally: RawFrameTally = { posted: 0, answered: 0, overAnswered: [], collisions: 0, codes: {} };
  const key = (id: unknown) => `${typeof id}:${String(id)}`;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const check = () => {
    if (tally.answered >= tally.posted && tally.posted === count) done();
  };
  window.addEventListener('message', (e) => {
    const m = e.data as { channel?: string; kind?: string; id?: unknown; error?: { code: number; message: string } } | null;
    if (m?.channel !== toInpage || m.kind !== 'response') return;
    const k = key(m.id);
    const n = (answers.get(k) ?? 0) + 1;
    answers.set(k, n);
    if (n > (expected.get(k) ?? 0) && !tally.overAnswered.includes(k)) tally.overAnswered.push(k);
    tally.answered++;
    const code = m.error ? String(m.error.code) : 'result';
    tally.codes[code] = (tally.codes[code] ?? 0) + 1;
    if (m.error?.message.includes('already in flight')) tally.collisions++;
    check();
  });
  const frame = () => {
    const r = rand();
    if (r < 0.1) return window.postMessage({ channel: toContent, id: pick(badIds), payload: { method: 'eth_chainId' } }, '*');
    if (r < 0.13) return window.postMessage({ channel: toContent, id: pick(ids), payload: pick([7, null]) }, '*');
    if (r < 0.2 && r >= 0.17) return window.postMessage(cloneOnly(), '*');
    const id = pick(ids);
    const params = rand() < 0.5 ? [cloneOnly(), cloneOnly()] : [pick(['0x00', '0x68656c6c6f']), '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'];
    // A payload may also come as JSON text, as the wallet's own provider sends it: text that is no
    // JSON object is answered with an error like any other malformed request.
    const payload =
      r < 0.17
        ? pick(['eth_chainId', '[1,2]', JSON.stringify({ method: pick(methods), params: ['0x68656c6c6f'] })])
        : { method: pick(methods), params };
    window.postMessage({ channel: toContent, id, payload }, '*');
    expected.set(key(id), (expected.get(key(id)) ?? 0) + 1);
    tally.posted++;
  };
  return (async () => {
    // Bursts of frames; only well-formed ones count towards `count`.
    while (tally.posted < count) {
      const burst = 50 + Math.floor(rand() * 150);
      for (let i = 0; i < burst && tally.posted < count; i++) frame();
      await new Promise((r) => setTimeout(r, 0));
    }
    check();
    await finished;
    return tally;
  })();
}
