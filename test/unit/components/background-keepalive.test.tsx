// @vitest-environment happy-dom
// A request left open longer than the browsers' 30 s idle limit must not lose its background:
// the approval window asks it something every 20 s while a request waits, and stops when none does.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEPALIVE_MS, useBackgroundKeepalive } from '../../../components/use-background-keepalive';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let pings: number;
const ping = async () => {
  pings++;
};
const Window = ({ waiting, answer }: { waiting: boolean; answer: () => Promise<unknown> }) => {
  useBackgroundKeepalive(waiting, answer);
  return null;
};
const show = (waiting: boolean, answer = ping) => act(() => root.render(createElement(Window, { waiting, answer })));

beforeEach(() => {
  vi.useFakeTimers();
  pings = 0;
  root = createRoot(document.createElement('div'));
});
afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

describe('the approval window keeps the background awake', () => {
  it('pings within every 30 s while a request waits, for as long as it waits', async () => {
    expect(KEEPALIVE_MS).toBeLessThan(30_000);
    await show(true);
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    expect(pings).toBe(Math.floor((5 * 60_000) / KEEPALIVE_MS));
  });

  it('stops once no request waits, and never pings without one', async () => {
    await show(false);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(pings).toBe(0);
    await show(true);
    await act(() => vi.advanceTimersByTimeAsync(KEEPALIVE_MS));
    expect(pings).toBe(1);
    await show(false);
    await act(() => vi.advanceTimersByTimeAsync(5 * KEEPALIVE_MS));
    expect(pings).toBe(1);
  });

  it('keeps pinging when the background does not answer one', async () => {
    let failing = true;
    const flaky = async () => {
      pings++;
      if (failing) throw new Error('Sharekeep restarted; please try again.');
    };
    await show(true, flaky);
    await act(() => vi.advanceTimersByTimeAsync(KEEPALIVE_MS));
    failing = false;
    await act(() => vi.advanceTimersByTimeAsync(KEEPALIVE_MS));
    expect(pings).toBe(2);
  });
});
