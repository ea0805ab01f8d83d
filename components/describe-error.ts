/**
 * Turns a failed wallet command into a sentence for the user: what happened and what to do
 * next. The background's messages already say both; a few codes read better rephrased here.
 */
const SENTENCES: Record<string, string> = {
  'vault.incorrect_password': 'That password is not right. Nothing was changed; try again.',
  'vault.locked': 'The wallet locked itself. Unlock it and try again.',
  'ui.disconnected': 'Sharekeep restarted in the background. Try again.',
  'approvals.gone': 'That request is no longer waiting.',
  4001: 'You rejected the request. Nothing was sent.',
};

export function describeError(err: unknown): string {
  const { code, message } = (err ?? {}) as { code?: string | number; message?: unknown };
  if (code !== undefined && Object.hasOwn(SENTENCES, code)) return SENTENCES[code];
  return typeof message === 'string' && message ? message : 'Something went wrong. Try again.';
}

export function errorCode(err: unknown): string | number | undefined {
  return (err as { code?: string | number } | undefined)?.code;
}
