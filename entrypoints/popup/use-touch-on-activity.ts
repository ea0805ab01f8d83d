// Auto-lock counts from the user's last action: tell the background at most once a minute.
import { useEffect } from 'react';

const AT_MOST_EVERY_MS = 60_000;

export function useTouchOnActivity(touch: () => void): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < AT_MOST_EVERY_MS) return;
      last = now;
      touch();
    };
    onActivity();
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, [touch]);
}
