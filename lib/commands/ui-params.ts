/**
 * The UI edge, parsed: one valibot schema per command of the contract, each failure carrying
 * the UI error the page shows. A schema's output must fit the contract's params (checked by
 * `satisfies` below), so the server cannot drift from what the pages send.
 */
import * as v from 'valibot';
import { getAddress, isAddress } from 'viem';
import { parseChainId } from '../chains';
import { WalletError } from '../errors';
import type { UiCommandName, UiParams } from '../ui-contract';

/** A failure message that names its UI error code: "code\u241fsentence". */
const SEP = '\u241f';
const coded = (code: string, message: string) => `${code}${SEP}${message}`;
const badParam = (key: string, what = 'text') => coded('ui.bad_params', `Expected "${key}" as ${what}.`);

const text = (key: string, max = 10_000) => v.pipe(v.string(badParam(key)), v.maxLength(max, badParam(key)));
const optionalText = (key: string, max: number) => v.optional(text(key, max));
const flag = (key: string) => v.boolean(badParam(key, 'true or false'));

const isChecksumSafe = (value: string) =>
  value === value.toLowerCase() || value.slice(2) === value.slice(2).toUpperCase() || value === getAddress(value);

/** An address as typed: trimmed, all one case or correctly checksummed; answered checksummed. */
const address = (message = 'That is not a valid address.') =>
  v.pipe(
    v.string(coded('ui.bad_address', message)),
    v.maxLength(64, coded('ui.bad_address', message)),
    v.trim(),
    v.check((a) => isAddress(a, { strict: false }), coded('ui.bad_address', message)),
    v.check(isChecksumSafe, coded('ui.bad_checksum', 'The address has a checksum error: a character may be mistyped.')),
    v.transform((a) => getAddress(a)),
  );

const chainId = (code = 'ui.bad_params', message = 'Expected "chainId" as a number.') =>
  v.pipe(
    v.union([v.number(), v.string()], coded(code, message)),
    v.transform((raw: number | string) => parseChainId(raw)),
    v.number(coded(code, message)),
  );

const jurisdiction = v.pipe(
  v.string(coded('settings.bad_jurisdiction', 'Choose your country of residence.')),
  v.trim(),
  v.toUpperCase(),
  // ISO 3166-1 alpha-2, or a 3166-2 region where a rule names one (UA-43).
  v.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, coded('settings.bad_jurisdiction', 'Choose your country of residence.')),
);

const password = text('password', 1024);
const txHash = v.pipe(v.string(badParam('hash', 'a transaction hash')), v.regex(/^0x[0-9a-fA-F]{64}$/, badParam('hash', 'a transaction hash')));
const accountName = optionalText('name', 64);
const none = v.object({});

export const UI_PARAMS = {
  state: none,
  touch: none,
  'onboarding.generate': v.object({ words: v.optional(v.picklist([12, 24], badParam('words', '12 or 24'))) }),
  'onboarding.validate': v.object({ secret: v.pipe(text('secret'), v.trim()) }),
  'onboarding.create': v.object({
    secret: v.pipe(text('secret'), v.trim()),
    password,
    jurisdiction,
    replaceExisting: v.optional(flag('replaceExisting')),
  }),
  unlock: v.object({ password }),
  lock: none,
  'accounts.select': v.object({ address: address() }),
  'accounts.add': v.object({ name: accountName }),
  'accounts.rename': v.object({ address: address(), name: text('name', 64) }),
  'accounts.hide': v.object({ address: address(), hidden: flag('hidden') }),
  'accounts.importKey': v.object({ privateKey: text('privateKey', 80), name: accountName }),
  'accounts.watch': v.object({ address: address(), name: accountName }),
  'accounts.addHardware': v.object({ address: address(), path: text('path', 64), name: accountName }),
  'network.select': v.object({ chainId: chainId('network.unknown', 'Unknown network.') }),
  'network.add': v.object({
    chainId: chainId('network.bad_chain_id', 'Enter the chain id as a number.'),
    rpcUrl: v.pipe(text('rpcUrl', 2048), v.trim()),
    name: v.optional(v.pipe(text('name', 64), v.trim())),
    symbol: v.optional(v.string(badParam('symbol'))),
  }),
  'network.setRpcUrl': v.object({ chainId: chainId('network.unknown', 'Unknown network.'), rpcUrl: v.pipe(text('rpcUrl', 2048), v.trim()) }),
  'network.setPortfolio': v.object({ chainId: chainId('network.unknown', 'Unknown network.'), enabled: flag('enabled') }),
  'settings.setJurisdiction': v.object({ jurisdiction, password }),
  'settings.setAutoLock': v.object({
    minutes: v.pipe(
      v.number(coded('settings.bad_auto_lock', 'Choose between 0 (never) and 1440 minutes.')),
      v.integer(coded('settings.bad_auto_lock', 'Choose between 0 (never) and 1440 minutes.')),
      v.minValue(0, coded('settings.bad_auto_lock', 'Choose between 0 (never) and 1440 minutes.')),
      v.maxValue(24 * 60, coded('settings.bad_auto_lock', 'Choose between 0 (never) and 1440 minutes.')),
    ),
  }),
  'secrets.revealMnemonic': v.object({ password }),
  'secrets.exportKey': v.object({ address: address(), password }),
  'secrets.changePassword': v.object({ oldPassword: text('oldPassword', 1024), newPassword: text('newPassword', 1024) }),
  'sites.disconnect': v.object({ origin: text('origin', 512) }),
  'approvals.decide': v.object({
    id: text('id', 64),
    approved: flag('approved'),
    data: v.optional(v.unknown()),
    block: v.optional(flag('block')),
  }),
  'send.submit': v.object({
    from: address(),
    to: address(),
    amount: text('amount', 80),
    token: v.optional(address('That is not a valid token address.')),
    decimals: v.optional(v.pipe(v.number(badParam('decimals', 'a number')), v.integer(), v.minValue(0), v.maxValue(255))),
  }),
  'send.checkRecipient': v.object({ from: address(), to: address() }),
  'activity.refresh': none,
  'activity.speedUp': v.object({ hash: txHash }),
  'activity.cancel': v.object({ hash: txHash }),
  'contacts.set': v.object({ address: address(), name: v.pipe(text('name', 200), v.trim()) }),
  'tokens.add': v.object({ address: address() }),
  'tokens.remove': v.object({ address: address() }),
  'portfolio.get': v.object({ account: optionalText('account', 64) }),
  'portfolio.refresh': v.object({ force: v.optional(flag('force')), account: optionalText('account', 64) }),
  'portfolio.detail': v.object(
    {
      chainId: chainId('ui.bad_params', 'Expected {chainId, address} of a token.'),
      address: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/)),
      account: optionalText('account', 64),
    },
    coded('ui.bad_params', 'Expected {chainId, address} of a token.'),
  ),
  'issuer.options': v.object({ chainId: chainId(), token: address('That is not a valid token address.') }),
  'issuer.quote': v.object({
    chainId: chainId(),
    token: address('That is not a valid token address.'),
    side: v.picklist(['mint', 'redeem'], badParam('side', 'mint or redeem')),
    amount: v.string(coded('issuer.bad_amount', 'Enter an amount.')),
    from: optionalText('from', 64),
  }),
  'issuer.submit': v.object({ id: text('id', 64) }),
  'issuer.status': v.object({ id: text('id', 64) }),
  'issuer.latest': v.object({ chainId: chainId(), token: address('That is not a valid token address.') }),
  'issuer.credentials': none,
  'issuer.setCredentials': v.object({
    issuerId: text('issuerId', 64),
    values: v.record(
      v.pipe(text('values', 64), v.regex(/^[A-Za-z]+$/, badParam('values'))),
      text('values', 512),
      badParam('values', 'an object of texts'),
    ),
  }),
  'issuer.clearCredentials': v.object({ issuerId: text('issuerId', 64) }),
} satisfies { [K in UiCommandName]: v.GenericSchema<unknown, UiParams<K>> };

export type ParsedParams<K extends UiCommandName> = v.InferOutput<(typeof UI_PARAMS)[K]>;

/** Parses a command's params at the UI edge; a failure is the UI error its schema names. */
export function parseUiParams<K extends UiCommandName>(method: K, raw: unknown): ParsedParams<K> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw)))
    throw new WalletError('ui.bad_params', "Expected the command's params as an object.");
  const parsed = v.safeParse(UI_PARAMS[method] as v.GenericSchema<unknown, ParsedParams<K>>, raw ?? {});
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const [code, message] = issue.message.includes(SEP) ? issue.message.split(SEP) : ['ui.bad_params', defaultMessage(issue)];
  throw new WalletError(code, message);
}

function defaultMessage(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.map((p) => String(p.key)).join('.');
  return key ? `Expected a valid "${key}".` : "Expected the command's params as an object.";
}
