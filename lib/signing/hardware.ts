/**
 * The last step, keyring: the key in the vault signs, or, for a hardware account, the approval
 * window hands the device the exact payload built here and returns its signature, which must
 * recover to the account over that payload before it is broadcast or answered.
 */
import type { Address, Hex } from 'viem';
import { acceptHardwareSignature, type HardwareSignTask, type HardwareSource, hardwarePayload } from '../hardware';
import type { Recheck } from './approve';
import type { SigningDeps } from './deps';
import type { SigningView } from './view';

/** What the approval window shows while the device signs: the view the user approved, and the task. */
export type HardwareSignView = SigningView & { hardware: HardwareSignTask };

/** The request the signature answers: its site, what was approved, and who may still sign. */
export interface SignContext {
  origin: string;
  view: SigningView;
  recheck: Recheck;
}

function signWithVault(deps: SigningDeps, account: Address, source: HardwareSource): Promise<Hex> {
  if (source.method === 'transaction') return deps.keys.signTransaction(account, source.tx);
  if (source.method === 'personal-message') return deps.keys.signMessage(account, source.message);
  return deps.keys.signTypedData(account, source.data, source.version);
}

export async function signAs(deps: SigningDeps, context: SignContext, account: Address, source: HardwareSource): Promise<Hex> {
  const entry = (await deps.keys.listAccounts()).find((a) => a.address === account);
  if (entry?.kind !== 'hardware' || !entry.path) return signWithVault(deps, account, source);
  const task: HardwareSignTask = { account, path: entry.path, payload: hardwarePayload(source) };
  const details: HardwareSignView = { ...context.view, hardware: task };
  const answer = await deps.approve(context.origin, 'hardware-sign', details);
  // Checked against the background's own copy of the request: a signature over anything else is refused.
  const signed = await acceptHardwareSignature(account, source, answer);
  await context.recheck();
  return signed;
}
