import type { Address } from 'viem';
import { describeTime, isUnlimited } from '../format';
import { addressFields } from './addresses';
import type { IntentWarning, TokenApproval } from '../types';
import { addr, big, bool, fieldType, hasShape, list, obj, type TypedDataDraft, type TypedDataEnv, type TypedDataRecognizer } from './recognizer';

function unlimitedWarnings(env: TypedDataEnv, approvals: TokenApproval[]): IntentWarning[] {
  return approvals
    .filter((a) => a.unlimited)
    .map((a) => ({
      code: 'unlimited-approval',
      message: `${env.d.address(a.spender)} could take all of your ${env.d.token(a.token)} until you revoke it.`,
    }));
}

function grant(token: Address, spender: Address, amount: bigint): TokenApproval {
  return { token, spender, amount, unlimited: isUnlimited(amount) };
}

function listAmounts(env: TypedDataEnv, approvals: TokenApproval[]): string {
  return approvals.map((a) => env.d.amount(a.token, a.amount)).join(', ');
}

/** The domain's verifying contract is the token whose allowance a permit sets. */
function permitToken(env: TypedDataEnv): Address | undefined {
  return env.data.domain.verifyingContract;
}

function missingToken(kind: 'erc2612-permit' | 'dai-permit') {
  return {
    summary: 'Sign a token permit that names no token contract.',
    warnings: [
      {
        code: 'unknown-typed-data' as const,
        message: `This ${kind === 'dai-permit' ? 'DAI-style ' : ''}permit has no verifyingContract, so the token it unlocks is unknown.`,
      },
    ],
  };
}

export const permitRecognizers: TypedDataRecognizer[] = [
  {
    kind: 'erc2612-permit',
    matches: (data) => hasShape(data, 'Permit', ['owner', 'spender', 'value', 'nonce', 'deadline']),
    describe(env) {
      const token = permitToken(env);
      if (!token) return missingToken('erc2612-permit');
      const m = env.data.message;
      const approvals = [grant(token, addr(m.spender), big(m.value))];
      return {
        summary: `Allow ${env.d.address(approvals[0].spender)} to spend ${listAmounts(env, approvals)} from your account, until ${describeTime(big(m.deadline))} to use this signature.`,
        approvals,
        warnings: unlimitedWarnings(env, approvals),
      };
    },
  },
  {
    kind: 'dai-permit',
    matches: (data) => hasShape(data, 'Permit', ['holder', 'spender', 'nonce', 'expiry', 'allowed']),
    describe(env) {
      const token = permitToken(env);
      if (!token) return missingToken('dai-permit');
      const m = env.data.message;
      const spender = addr(m.spender);
      if (!bool(m.allowed)) return { summary: `Remove ${env.d.address(spender)}'s permission to spend your ${env.d.token(token)}.` };
      const approvals = [{ token, spender, amount: 2n ** 256n - 1n, unlimited: true }];
      return {
        summary: `Allow ${env.d.address(spender)} to spend all of your ${env.d.token(token)}.`,
        approvals,
        warnings: unlimitedWarnings(env, approvals),
      };
    },
  },
  permit2Allowance('permit2-single', 'PermitSingle'),
  permit2Allowance('permit2-batch', 'PermitBatch'),
  permit2Transfer('permit2-transfer-from', 'PermitTransferFrom', 'PermitWitnessTransferFrom'),
  permit2Transfer('permit2-batch-transfer-from', 'PermitBatchTransferFrom', 'PermitBatchWitnessTransferFrom'),
];

/** Single and batch variants differ only in holding one struct or an array of them. */
const oneOrMany = (value: unknown) => (Array.isArray(value) ? list(value) : [obj(value)]);

function withGrants(env: TypedDataEnv, approvals: TokenApproval[], summary: string): TypedDataDraft {
  return { summary, approvals, warnings: unlimitedWarnings(env, approvals) };
}

/** PermitSingle / PermitBatch: a lasting Permit2 allowance. */
function permit2Allowance(kind: 'permit2-single' | 'permit2-batch', primaryType: string): TypedDataRecognizer {
  return {
    kind,
    matches: (data) => hasShape(data, primaryType, ['details', 'spender', 'sigDeadline'], 'Permit2'),
    describe(env) {
      const m = env.data.message;
      const spender = addr(m.spender);
      const details = oneOrMany(m.details);
      const approvals = details.map((d) => grant(addr(d.token), spender, big(d.amount)));
      const until = details.length === 1 ? ` until ${describeTime(big(details[0].expiration))}` : '';
      return withGrants(env, approvals, `Allow ${env.d.address(spender)} to spend ${listAmounts(env, approvals)} through Permit2${until}.`);
    },
  };
}

/** Permit(Batch)(Witness)TransferFrom: a one-time pull of the permitted amounts. */
function permit2Transfer(kind: 'permit2-transfer-from' | 'permit2-batch-transfer-from', plain: string, witnessed: string): TypedDataRecognizer {
  const fields = ['permitted', 'spender', 'nonce', 'deadline'];
  return {
    kind,
    matches: (data) => hasShape(data, plain, fields, 'Permit2') || hasShape(data, witnessed, [...fields, 'witness'], 'Permit2'),
    describe(env) {
      const m = env.data.message;
      const spender = addr(m.spender);
      const approvals = oneOrMany(m.permitted).map((p) => grant(addr(p.token), spender, big(p.amount)));
      const witness = fieldType(env.data, 'witness');
      const draft = withGrants(
        env,
        approvals,
        `Let ${env.d.address(spender)} take ${listAmounts(env, approvals)} from your account once${witnessWords(env)}, until ${describeTime(big(m.deadline))}.`,
      );
      // A witness Sharekeep does not know may be an order buying any token it names.
      return witness ? { ...draft, mentioned: addressFields(env.data, witness, m.witness) } : draft;
    },
  };
}

function witnessWords(env: TypedDataEnv): string {
  const type = fieldType(env.data, 'witness');
  return type ? ` as part of a ${type}` : '';
}
