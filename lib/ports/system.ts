/** The real clock, for the background: the one place lib/ touches Date.now and setTimeout. */
import type { Clock } from './index';

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};
