/** What the wallet keeps in storage.local besides the vault: settings, activity, page flags. */
export {
  type ActivityEntry,
  type ActivityLog,
  type ActivityPayout,
  type ActivityStatus,
  createActivityLog,
  type Replacement,
  type SentRecord,
} from './activity';
export { payoutLine } from './activity-payout';
export { UNLOCKED_FLAG } from './flags';
export { createSettingChangeLog, type SettingChange, type SettingChangeLog } from './setting-changes';
export { createSettingsStore, DEFAULT_AUTO_LOCK_MINUTES, effectiveNetworks, type Settings, type SettingsStore, type WatchedToken } from './settings';
export { type AddressBook, createAddressBook, MAX_CONTACT_NAME } from './address-book';
export { createIncomingLog, type IncomingEntry, type IncomingLog, MAX_INCOMING } from './incoming';
