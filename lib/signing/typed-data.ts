/** eth_signTypedData_v3/v4 (EIP-712): decoded, judged, shown, approved, then signed. */
import { contractLabels } from './labels';
import type { Hex } from 'viem';
import { decodeTypedData, validateTypedData } from '../intent';
import { approveSigning, judge, signerFor } from './approve';
import type { SigningDeps } from './deps';
import { signAs } from './hardware';
import { imitationReasons, withImitations } from './imitations';
import { describeIntent, type SigningView } from './view';

export async function signTypedData(deps: SigningDeps, origin: string, params: unknown[], version: 'V3' | 'V4'): Promise<Hex> {
  const [address, raw] = params;
  const network = await deps.activeNetwork();
  // Parsed once, strictly (-32602 for malformed or wrong-chain data): the decoder, the window and
  // the keyring all get this one normalised object, so what is shown is what is signed.
  const data = validateTypedData(raw, network.chainId);
  const intent = decodeTypedData(data, { activeChainId: network.chainId });
  const account = await signerFor(deps, origin, address);
  const rpc = deps.rpcFor(network);
  const read = await deps.tokenInfo.lookupFor(rpc, network.chainId, intent.tokens);
  const info = deps.tokens.shown(network.chainId, read);
  const described = decodeTypedData(data, { activeChainId: network.chainId, tokenInfo: info });
  const verdict = withImitations(
    await judge(deps, { intent: described, chainId: network.chainId, rpc, account, info }),
    imitationReasons(deps.tokens, network.chainId, described.tokens, read),
  );
  const described2 = describeIntent(described, info, network.nativeCurrency.symbol);
  const verifyingContract = data.normalized.domain?.verifyingContract as string | undefined;
  const labels = await contractLabels(deps, network.chainId, [
    verifyingContract,
    ...described2.approvals.map((a) => a.spender),
    ...described2.changes.map((c) => c.recipient),
  ]);
  const view: SigningView = {
    account,
    chainId: network.chainId,
    chainName: network.name,
    summary: described.summary,
    intentKind: described.kind,
    ...described2,
    simulation: { status: 'not-run' },
    verdict,
    warnings: described.warnings,
    typedData: JSON.stringify(data.normalized, null, 2),
    ...(verifyingContract ? { verifyingContract } : {}),
    labels,
  };
  const recheck = () => deps.requireAccount(origin, account);
  await approveSigning(deps, origin, 'sign-typed-data', view, recheck);
  return signAs(deps, { origin, view, recheck }, account, { method: 'typed-data', data: data.normalized, version });
}
