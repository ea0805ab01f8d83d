// The approval window: one popup window at a time, found again by its id (kept in memory and in
// storage.session so a restarted worker still knows it). Finding it by URL would need "tabs".
const SESSION_KEY = 'approvalWindowId';
const APPROVAL_PATH = '/approval.html';

export function createApprovalWindow(options: { hasPending(): boolean }) {
  let windowId: number | undefined;
  let known: Promise<void> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const remember = async (id: number | undefined) => {
    windowId = id;
    await (id === undefined ? browser.storage.session.remove(SESSION_KEY) : browser.storage.session.set({ [SESSION_KEY]: id }));
  };

  const recall = () => {
    known ??= browser.storage.session.get(SESSION_KEY).then((found) => {
      if (windowId === undefined && typeof found[SESSION_KEY] === 'number') windowId = found[SESSION_KEY];
    });
    return known;
  };

  // Requests arriving together must not open a window each: opens run one after another.
  const open = (): Promise<void> => {
    queue = queue.then(openOrFocus, openOrFocus);
    return queue;
  };

  async function openOrFocus(): Promise<void> {
    await recall();
    if (windowId !== undefined) {
      try {
        await browser.windows.update(windowId, { focused: true });
        return;
      } catch {
        await remember(undefined); // closed while the worker was asleep
      }
    }
    const created = await browser.windows.create({ url: browser.runtime.getURL(APPROVAL_PATH), type: 'popup', width: 400, height: 660 });
    await remember(created?.id);
  }

  browser.windows.onRemoved.addListener(async (id) => {
    await recall();
    if (id !== windowId) return;
    await remember(undefined);
    // The window closes itself when its queue looks empty; a request that arrived meanwhile
    // (or one left when the user closed it) must still reach the user.
    if (options.hasPending()) await open();
  });

  return { open };
}
