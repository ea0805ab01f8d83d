/**
 * Records the APDU exchanges the real hw-app-eth code has with a Ledger Ethereum app, played
 * here by the test-only emulator (a software key from the test phrase), into
 * test/fixtures/ledger/<case>.apdus for the replay tests.
 * `npx tsx scripts/record-ledger-fixtures.ts`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Transport from '@ledgerhq/hw-transport';
import type * as Mocker from '@ledgerhq/hw-transport-mocker';
import { hardwarePayload } from '../lib/hardware';
import { ledgerAccounts, signOnLedger } from '../lib/ledger';
import { addressAt, DERIVATION_CASES, SIGNING_CASES, TEST_PHRASE } from '../test/unit/hardware/ledger-cases';
import { LedgerEmulator } from '../test/unit/hardware/ledger-emulator';

// The mocker's ESM build does not load in plain Node; its CommonJS build does.
const { RecordStore, createTransportRecorder } = createRequire(import.meta.url)('@ledgerhq/hw-transport-mocker') as typeof Mocker;
const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'ledger');
mkdirSync(OUT, { recursive: true });

async function record(name: string, run: (transport: Transport) => Promise<unknown>) {
  const store = new RecordStore();
  const Recorder = createTransportRecorder(new LedgerEmulator({ mnemonic: TEST_PHRASE }), store);
  await run(new Recorder(new LedgerEmulator({ mnemonic: TEST_PHRASE })));
  writeFileSync(join(OUT, `${name}.apdus`), `${store.toString().trim()}\n`);
  console.log(`${name}: ${store.queue.length} exchanges`);
}

for (const c of DERIVATION_CASES) await record(c.name, (t) => ledgerAccounts(t, c.scheme, c.start, c.count));
for (const c of SIGNING_CASES)
  await record(c.name, (t) => signOnLedger(t, { account: addressAt(c.path), path: c.path, payload: hardwarePayload(c.source) }));
