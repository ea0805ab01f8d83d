/** Onboarding, unlock, accounts and secrets: the commands that touch the keyring. */
import { WalletError } from '../errors';
import { looksLikePrivateKey } from '../keyring';
import type { CommandContext, HandlerGroup } from './handlers';

type AccountCommands =
  | 'onboarding.generate'
  | 'onboarding.validate'
  | 'onboarding.create'
  | 'unlock'
  | 'lock'
  | 'touch'
  | 'accounts.select'
  | 'accounts.add'
  | 'accounts.rename'
  | 'accounts.hide'
  | 'accounts.importKey'
  | 'accounts.watch'
  | 'accounts.addHardware'
  | 'secrets.revealMnemonic'
  | 'secrets.exportKey'
  | 'secrets.changePassword'
  | 'settings.setJurisdiction';

export function accountCommands({ wallet, state, touch, lock }: CommandContext): HandlerGroup<AccountCommands> {
  return {
    'onboarding.generate': async (p) => ({ mnemonic: wallet.keys.generateMnemonic(p.words ?? 12) }),
    'onboarding.validate': async ({ secret }) => {
      if (looksLikePrivateKey(secret)) return { ok: true, kind: 'private-key' };
      const result = wallet.keys.validateMnemonic(secret);
      // toJSON keeps the code and the bad word's position across structured clone (Firefox) too.
      return result.ok ? { ok: true, kind: 'mnemonic' } : { ok: false, error: result.error.toJSON() };
    },
    'onboarding.create': async ({ secret, password, jurisdiction, replaceExisting }) => {
      // Replacing the wallet proves nothing about who the user is: the country it had carries
      // over, and only the (new) vault's password changes it afterwards, in Settings.
      const previous = (await wallet.keys.isInitialized()) ? await wallet.jurisdiction() : undefined;
      if (replaceExisting && previous && previous !== jurisdiction)
        throw new WalletError(
          'settings.jurisdiction_kept',
          `Replacing the wallet keeps your country of residence (${previous}). Change it in Settings afterwards, with your password.`,
        );
      const options = { replaceExisting: replaceExisting === true, jurisdiction };
      if (looksLikePrivateKey(secret)) await wallet.keys.createFromPrivateKey(secret, password, options);
      else await wallet.keys.createFromMnemonic(secret, password, options);
      await wallet.settings.update({ jurisdiction, selectedAddress: undefined });
      await wallet.settingChanges.record({ kind: 'jurisdiction-declared', to: jurisdiction, at: wallet.clock.now() });
      await touch();
      return state();
    },
    unlock: async ({ password }) => {
      await wallet.keys.unlock(password);
      await touch();
      await wallet.notifyAccounts();
      return state();
    },
    lock: async () => {
      await lock();
      return state();
    },
    touch: async () => {
      await touch();
      return null;
    },
    'accounts.select': async ({ address }) => {
      await wallet.settings.update({ selectedAddress: address });
      await wallet.notifyAccounts();
      return state();
    },
    'accounts.add': async ({ name }) => wallet.keys.addAccount(name),
    'accounts.rename': async ({ address, name }) => {
      await wallet.keys.renameAccount(address, name);
      return null;
    },
    'accounts.hide': async ({ address, hidden }) => {
      await wallet.keys.setHidden(address, hidden);
      const formerSites = hidden ? await wallet.permissions.forgetAccount(address) : [];
      await wallet.notifyAccounts(formerSites);
      return state();
    },
    'accounts.importKey': async ({ privateKey, name }) => wallet.keys.importPrivateKey(privateKey, name),
    'accounts.watch': async ({ address, name }) => wallet.keys.addWatchOnly(address, name),
    'accounts.addHardware': async ({ address, path, name }) => wallet.keys.addHardwareAccount(address, path, name),
    'secrets.revealMnemonic': async ({ password }) => ({ mnemonic: await wallet.keys.revealMnemonic(password) }),
    'secrets.exportKey': async ({ address, password }) => ({ privateKey: await wallet.keys.exportPrivateKey(address, password) }),
    'secrets.changePassword': async ({ oldPassword, newPassword }) => {
      await wallet.keys.changePassword(oldPassword, newPassword);
      return null;
    },
    'settings.setJurisdiction': async ({ jurisdiction, password }) => {
      const before = await wallet.jurisdiction();
      await wallet.keys.setJurisdiction(jurisdiction, password);
      await wallet.settings.update({ jurisdiction });
      if (before !== jurisdiction)
        await wallet.settingChanges.record({ kind: 'jurisdiction-changed', from: before, to: jurisdiction, at: wallet.clock.now() });
      return state();
    },
  };
}
