import { type KeyboardEvent, type MouseEvent, type PointerEvent, useCallback, useEffect, useRef, useState } from 'react';

/**
 * How long a request must have been on screen, in a visible and focused window, before its
 * decision buttons take a click (Firefox holds its own security dialogs' buttons for 1 s).
 */
export const ARM_DELAY_MS = 800;

export interface DecisionButtonProps {
  onPointerDown(event: PointerEvent<HTMLButtonElement>): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
  onClick(event: MouseEvent<HTMLButtonElement>): void;
}

export interface ArmedDecision {
  /** False until the request has been visible for the delay; the buttons stay disabled until then. */
  armed: boolean;
  /** Handlers for one decision button: `decide` runs only for a press that began once armed. */
  guard(decide: () => void): DecisionButtonProps;
}

// A DOM event's time on the performance clock; 0 in old engines means "unknown", read as now.
const stamp = (event: { timeStamp: number }) => (event.timeStamp > 0 ? event.timeStamp : performance.now());

/**
 * Guards a request's decisions against presses meant for what was on screen before it (a double
 * click on the previous request's Sign, a key held down, a window that popped up under the
 * cursor). A decision needs all of: the request shown for `delayMs` while the window is visible
 * and focused (losing either starts the wait again), then a pointerdown on that very button, or
 * an Enter or Space keydown that is not a repeat, which began after that moment. The component
 * using this is keyed by request, so each request starts unarmed.
 */
export function useArmedDecision(delayMs: number = ARM_DELAY_MS, win: Window = window): ArmedDecision {
  const [armed, setArmed] = useState(false);
  // The performance-clock time from which a press counts; undefined while unarmed.
  const armedAt = useRef<number | undefined>(undefined);
  // When the press that will become the next click began, per button; consumed by that click.
  const pressedAt = useRef(new WeakMap<EventTarget, number>());

  useEffect(() => {
    const doc = win.document;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const disarm = () => {
      clearTimeout(timer);
      armedAt.current = undefined;
      setArmed(false);
    };
    const arm = () => {
      disarm();
      timer = setTimeout(() => {
        armedAt.current = performance.now();
        setArmed(true);
      }, delayMs);
    };
    const onVisibility = () => (doc.visibilityState === 'hidden' ? disarm() : arm());
    if (doc.visibilityState !== 'hidden') arm();
    doc.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('blur', disarm);
    win.addEventListener('focus', arm);
    return () => {
      clearTimeout(timer);
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('blur', disarm);
      win.removeEventListener('focus', arm);
    };
  }, [delayMs, win]);

  const began = useCallback((target: EventTarget, at: number) => {
    if (armedAt.current !== undefined && at >= armedAt.current) pressedAt.current.set(target, at);
    else pressedAt.current.delete(target);
  }, []);

  const guard = useCallback(
    (decide: () => void): DecisionButtonProps => ({
      onPointerDown: (event) => began(event.currentTarget, stamp(event)),
      onKeyDown: (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        if (event.repeat) pressedAt.current.delete(event.currentTarget);
        else began(event.currentTarget, stamp(event));
      },
      onClick: (event) => {
        const at = pressedAt.current.get(event.currentTarget);
        pressedAt.current.delete(event.currentTarget);
        if (at === undefined || armedAt.current === undefined || at < armedAt.current) return;
        decide();
      },
    }),
    [began],
  );

  return { armed, guard };
}
