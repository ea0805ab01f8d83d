/** Non-secret markers in storage.session that wallet pages may read. */

/** Present while the wallet is unlocked in this browser session. */
export const UNLOCKED_FLAG = 'ui.unlocked';
