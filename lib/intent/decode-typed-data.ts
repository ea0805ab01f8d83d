import { type Address, getAddress, isAddress } from 'viem';
import { finishIntent } from './finish-intent';
import { createDescriber } from './format';
import { messageAddresses } from './typed-data/addresses';
import { orderRecognizers } from './typed-data/orders';
import { permitRecognizers } from './typed-data/permits';
import type { TypedDataDraft, TypedDataEnv } from './typed-data/recognizer';
import { uniswapXRecognizers } from './typed-data/uniswapx';
import { isValidTypedData, type ValidTypedData, validateTypedData } from './typed-data/validate';
import type { DecodeContext, IntentWarning, TypedDataIntent, TypedDataKind } from './types';

export interface DecodeTypedDataContext extends DecodeContext {
  activeChainId: number;
  /** The account asked to sign (eth_signTypedData's first parameter). */
  account?: Address;
}

// UniswapX orders are Permit2 witness transfers: recognised before the plain Permit2 shapes.
const recognizers = [...uniswapXRecognizers, ...permitRecognizers, ...orderRecognizers];

function unknownDraft(data: ValidTypedData): TypedDataDraft {
  const who = data.domain.name ? ` for "${data.domain.name}"` : '';
  return {
    summary: `Sign a ${data.primaryType} message${who} that Sharekeep cannot describe.`,
    tokens: data.domain.verifyingContract ? [data.domain.verifyingContract] : [],
    mentioned: messageAddresses(data),
    warnings: [
      {
        code: 'unknown-typed-data',
        message: 'Sharekeep does not know this kind of signature, so it cannot say what signing it allows. Sign only if you trust the site.',
      },
    ],
  };
}

function contextWarnings(data: ValidTypedData): IntentWarning[] {
  const warnings: IntentWarning[] = [];
  if (data.domain.chainId === undefined) {
    warnings.push({ code: 'no-chain-id', message: 'The signature names no chain, so it could be used on any network.' });
  }
  if (data.untypedFields.length > 0) {
    warnings.push({
      code: 'untyped-message-fields',
      message: `The message contains fields the signature does not cover (${data.untypedFields.slice(0, 5).join(', ')}); what the site shows for them is not what you sign.`,
    });
  }
  return warnings;
}

/**
 * Says in plain words what signing typed data allows. Given raw data it validates it first
 * (ProviderRpcError -32602 when malformed or for another chain); given the result of
 * validateTypedData it reads that same normalised object, the one the keyring will sign.
 */
export function decodeTypedData(raw: unknown, ctx: DecodeTypedDataContext): TypedDataIntent {
  const data = isValidTypedData(raw) ? raw : validateTypedData(raw, ctx.activeChainId);
  const account = ctx.account && isAddress(ctx.account, { strict: false }) ? getAddress(ctx.account) : undefined;
  const env: TypedDataEnv = { data, d: createDescriber(ctx), account, activeChainId: ctx.activeChainId };
  const recognizer = recognizers.find((r) => r.matches(data));
  let kind: TypedDataKind = 'unknown-typed-data';
  let draft = unknownDraft(data);
  if (recognizer) {
    try {
      draft = recognizer.describe(env);
      kind = recognizer.kind;
    } catch {
      // A shape that matched by field names but not by meaning stays unknown.
    }
  }
  const intent = finishIntent({ ...draft, warnings: [...(draft.warnings ?? []), ...contextWarnings(data)] });
  const { chainId, name, version, verifyingContract } = data.domain;
  return {
    ...intent,
    kind,
    primaryType: data.primaryType,
    domain: { name, version, verifyingContract, ...(chainId === undefined ? {} : { chainId: Number(chainId) }) },
  };
}
