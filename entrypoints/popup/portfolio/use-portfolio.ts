// The portfolio the popup shows: painted at once from the first rows and the total of the last
// view this page saw (a small localStorage mirror, only while the wallet says it is unlocked,
// only for the same account and network), then whole from the background's cached snapshot,
// then refreshed every few seconds while the popup is visible. The background
// reads a chain again only when a new block arrived there, and answers without waiting for a
// network an earlier poll is still reading; nothing polls once the popup closes.
import { useEffect, useState } from 'react';
import { UiCallError, useWallet } from '@/lib/ui-state';
import type { PortfolioResult } from '@/lib/holdings';
// The module itself, not the folder's index: the popup needs only this, not the refresh service.
import { type FirstPaint, firstPaintOf } from '@/lib/holdings/first-paint';

/** The first paint of the last view shown (a few KB, where the whole view of a long portfolio is about 1 MB). */
export const PORTFOLIO_MIRROR_KEY = 'sharekeep.portfolio.first-paint';
/** Where the whole view was mirrored before: removed so no stale megabyte stays behind. */
const OLD_MIRROR_KEY = 'sharekeep.portfolio';

/** What the popup shows: a whole result, or a first paint of one while the rest is on its way. */
type Shown = PortfolioResult & { moreHoldings?: number };
const REFRESH_EVERY_MS = 4_000;

const isFor = (result: Shown | null | undefined, chainId: number | undefined, account: string | undefined) =>
  !!result && result.view?.chainId === chainId && Array.isArray(result.view.accounts) && result.view.accounts.some((a) => a.address === account);

function readMirror(chainId: number | undefined, account: string | undefined): Shown | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(PORTFOLIO_MIRROR_KEY) ?? 'null') as FirstPaint | null;
    return parsed && isFor(parsed, chainId, account) ? { ...parsed, refreshing: true } : undefined;
  } catch {
    return undefined;
  }
}

/** The first paint of `result` for `account`, written as one item: its total, rows and time always agree. */
function writeMirror(result: PortfolioResult, account: string | undefined): void {
  try {
    localStorage.removeItem(OLD_MIRROR_KEY);
    const first = account ? firstPaintOf(result, account) : undefined;
    if (first) localStorage.setItem(PORTFOLIO_MIRROR_KEY, JSON.stringify(first));
    else localStorage.removeItem(PORTFOLIO_MIRROR_KEY);
  } catch {
    // A full or unavailable localStorage only costs the instant paint.
  }
}

const messageOf = (err: unknown) => (err instanceof UiCallError || err instanceof Error ? err.message : 'Could not reach Sharekeep.');

/** The portfolio of the selected account (the background sends only that account's holdings). */
export function usePortfolio() {
  const call = useWallet((s) => s.call);
  const account = useWallet((s) => s.state?.selectedAddress);
  const unlocked = useWallet((s) => s.state?.unlocked === true);
  const chainId = useWallet((s) => s.state?.activeChainId);
  const [result, setResult] = useState<Shown | undefined>(() => (unlocked ? readMirror(chainId, account) : undefined));
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!unlocked) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const params = account ? { account } : {};
    setResult((current) => (isFor(current, chainId, account) ? current : readMirror(chainId, account)));

    // Answers may overtake each other (a slow network holds one up while the next poll reads the
    // others): only an answer to a later request replaces what is shown.
    let asked = 0;
    let shown = 0;
    const apply = (seq: number) => (next: PortfolioResult) => {
      if (!alive || seq < shown) return;
      shown = seq;
      setResult(next);
      setError(undefined);
      writeMirror(next, account);
    };
    const fail = (err: unknown) => alive && setError(messageOf(err));
    const refresh = () => {
      timer = undefined;
      if (document.visibilityState === 'visible') {
        const seq = ++asked;
        void call('portfolio.refresh', params).then(apply(seq), fail);
      }
      if (alive) timer = setTimeout(refresh, REFRESH_EVERY_MS);
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || timer === undefined) return;
      clearTimeout(timer);
      refresh();
    };

    call('portfolio.get', params)
      .then((cached) => apply(0)({ ...cached, refreshing: true }), fail)
      .then(refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [call, unlocked, chainId, account]);

  return { result: unlocked ? result : undefined, error };
}
