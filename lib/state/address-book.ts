/**
 * The user's names for addresses they send to (issue 14): one name per address, on every chain.
 * Whether a name may be given (not a look-alike of an account or a known contract) is decided
 * by the signing domain's labels, which know those names; this store only keeps them.
 */
import * as v from 'valibot';
import { WalletError } from '../errors';
import { type KeyValueStore, readStored, validEntries } from '../ports';

const KEY = 'addressBook';
export const MAX_CONTACTS = 500;
export const MAX_CONTACT_NAME = 40;

const NameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CONTACT_NAME));
const STORED = {
  schema: v.record(v.pipe(v.string(), v.regex(/^0x[0-9a-f]{40}$/)), NameSchema),
  fallback: (): Record<string, string> => ({}),
  salvage: (raw: unknown) => {
    const kept = validEntries(NameSchema)(raw);
    return Object.fromEntries(Object.entries(kept).filter(([address]) => /^0x[0-9a-f]{40}$/.test(address)));
  },
};

export interface AddressBook {
  /** Lower-cased address -> the user's name for it. */
  all(): Promise<Record<string, string>>;
  /** Names an address, or forgets its name when `name` is empty. */
  set(address: string, name: string): Promise<void>;
}

export function createAddressBook(store: KeyValueStore): AddressBook {
  const all = () => readStored(store, KEY, STORED);
  return {
    all,
    async set(address, name) {
      const book = await all();
      const lower = address.toLowerCase();
      delete book[lower];
      const trimmed = name.trim();
      if (trimmed) {
        if (Object.keys(book).length >= MAX_CONTACTS)
          throw new WalletError('contacts.full', `The address book holds at most ${MAX_CONTACTS} names: forget one to add another.`);
        book[lower] = trimmed.slice(0, MAX_CONTACT_NAME);
      }
      await store.set({ [KEY]: book });
    },
  };
}
