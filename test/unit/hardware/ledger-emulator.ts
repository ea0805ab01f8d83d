// Test-only: the Ledger Ethereum app's APDU protocol (CLA 0xE0) answered by a software key, so
// the real hw-app-eth code can be recorded talking to "a device" and the recordings replayed.
// It covers what the wallet sends: GET_ADDRESS (0x02), SIGN_TX (0x04), GET_APP_CONFIGURATION
// (0x06), SIGN_PERSONAL_MESSAGE (0x08) and SIGN_EIP712_HASHED (0x0C).
import Transport from '@ledgerhq/hw-transport';
import { bytesToHex, concat, fromRlp, getAddress, type Hex, hashMessage, hexToBytes, keccak256, toHex } from 'viem';
import { mnemonicToAccount, privateKeyToAccount, sign } from 'viem/accounts';

const OK = [0x90, 0x00];
const status = (word: number) => Buffer.from([word >> 8, word & 0xff]);
const answer = (...parts: (Uint8Array | number[])[]) => Buffer.concat([...parts.map((p) => Buffer.from(p)), Buffer.from(OK)]);

function readPath(data: Buffer): { path: string; rest: Buffer } {
  const count = data[0];
  const levels: string[] = [];
  for (let i = 0; i < count; i++) {
    const level = data.readUInt32BE(1 + i * 4);
    levels.push(level >= 0x80000000 ? `${level - 0x80000000}'` : `${level}`);
  }
  return { path: `m/${levels.join('/')}`, rest: data.subarray(1 + count * 4) };
}

/** Length of a transaction's bytes from its RLP list header (after the type byte of a typed transaction). */
function expectedLength(tx: Buffer): number | undefined {
  const offset = tx[0] < 0x7f ? 1 : 0;
  const head = tx[offset];
  if (head === undefined) return undefined;
  if (head < 0xf8) return offset + 1 + (head - 0xc0);
  const size = head - 0xf7;
  if (tx.length < offset + 1 + size) return undefined;
  return offset + 1 + size + tx.subarray(offset + 1, offset + 1 + size).reduce((n, b) => n * 256 + b, 0);
}

export interface EmulatorOptions {
  mnemonic: string;
  /** Answer every signing request with 0x6985, as a user pressing Reject on the device. */
  rejectSigning?: boolean;
}

export class LedgerEmulator extends Transport {
  private pending?: { ins: number; path: string; bytes: Buffer; total?: number };

  constructor(private readonly options: EmulatorOptions) {
    super();
  }

  private keyAt(path: string): Hex {
    const hd = mnemonicToAccount(this.options.mnemonic, { path: path as `m/44'/60'/${string}` }).getHdKey();
    if (!hd.privateKey) throw new Error('no private key');
    return toHex(hd.privateKey);
  }

  private async signHash(path: string, hash: Hex) {
    const signature = await sign({ hash, privateKey: this.keyAt(path) });
    return { parity: signature.yParity ?? 0, rs: hexToBytes(concat([signature.r, signature.s])) };
  }

  async exchange(apdu: Buffer): Promise<Buffer> {
    const [cla, ins, p1] = apdu;
    const data = apdu.subarray(5, 5 + apdu[4]);
    if (cla !== 0xe0) return status(0x6e00);
    if (ins === 0x06) return answer([0x01, 1, 15, 0]);
    if (ins === 0x02) {
      const { path } = readPath(data);
      const account = privateKeyToAccount(this.keyAt(path));
      const ascii = Buffer.from(getAddress(account.address).slice(2), 'ascii');
      return answer([65], hexToBytes(account.publicKey), [ascii.length], ascii);
    }
    if (ins !== 0x04 && ins !== 0x08 && ins !== 0x0c) return status(0x6d00);
    if (this.options.rejectSigning) {
      this.pending = undefined;
      return status(0x6985);
    }
    if (ins === 0x0c) {
      const { path, rest } = readPath(data);
      const { parity, rs } = await this.signHash(
        path,
        keccak256(concat(['0x1901', bytesToHex(rest.subarray(0, 32)), bytesToHex(rest.subarray(32, 64))])),
      );
      return answer([27 + parity], rs);
    }
    if (p1 === 0x00) {
      const { path, rest } = readPath(data);
      this.pending =
        ins === 0x08 ? { ins, path, bytes: Buffer.from(rest.subarray(4)), total: rest.readUInt32BE(0) } : { ins, path, bytes: Buffer.from(rest) };
    } else if (this.pending?.ins === ins) {
      this.pending.bytes = Buffer.concat([this.pending.bytes, data]);
    } else {
      return status(0x6a80);
    }
    const { path, bytes } = this.pending;
    const total = this.pending.total ?? expectedLength(bytes);
    if (total === undefined || bytes.length < total) return answer([]);
    this.pending = undefined;
    if (ins === 0x08) {
      const { parity, rs } = await this.signHash(path, hashMessage({ raw: bytesToHex(bytes) }));
      return answer([27 + parity], rs);
    }
    const { parity, rs } = await this.signHash(path, keccak256(bytesToHex(bytes)));
    if (bytes[0] < 0x7f) return answer([parity], rs);
    // Legacy: EIP-155's v over the chain id's first four bytes, cut to one byte as the app does.
    const fields = fromRlp(bytesToHex(bytes), 'hex') as Hex[];
    const chainBytes = hexToBytes(fields[6] === '0x' ? '0x00' : fields[6]).subarray(0, 4);
    const chain = chainBytes.reduce((n, b) => n * 256 + b, 0);
    return answer([(chain * 2 + 35 + parity) % 256], rs);
  }

  async close(): Promise<void> {}
}
