// Security #8: a hash is not a harmless message, and hidden characters are shown, not obeyed.
import { stringToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { SigningView } from '../../../lib/signing';
import { ACCOUNT_0, connect, createTestWallet } from '../wallet/harness';

async function shown(message: string): Promise<SigningView> {
  const t = await createTestWallet();
  await connect(t);
  void t.request('personal_sign', [message, ACCOUNT_0]).catch(() => undefined);
  const approval = await t.nextApproval();
  return approval.details as SigningView;
}

describe('personal_sign, as the window shows it', () => {
  it('a 32-byte hash is called a hash and warned about, not "moves no funds"', async () => {
    const view = await shown(`0x${'ab'.repeat(32)}`);
    expect(view.summary).toBe('Sign a 32-byte hash.');
    expect(view.verdict.verdict).toBe('warn');
    expect(view.warnings.map((w) => w.code)).toEqual(['signs-a-hash']);
  });

  it('a right-to-left override is shown as an escape and warned about', async () => {
    const view = await shown(stringToHex('Pay 10 to \u202Ecilbup'));
    expect(view.message).toBe('Pay 10 to \\u{202E}cilbup');
    expect(view.warnings.map((w) => w.code)).toContain('hidden-characters');
  });

  it.each(['\u200B', '\u2066', '\uFEFF'])('an invisible %j in plain text is shown and warned about', async (c) => {
    const view = await shown(`Log in${c} to app.example`);
    expect(view.message).not.toContain(c);
    expect(view.warnings.map((w) => w.code)).toContain('hidden-characters');
  });

  it('ordinary text signs with no warning', async () => {
    const view = await shown('Log in to app.example\nNonce: 42');
    expect(view).toMatchObject({ summary: 'Sign a message. It moves no funds by itself.', warnings: [], verdict: { verdict: 'allow' } });
  });
});
