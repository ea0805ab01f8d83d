import type { Address, PublicClient } from 'viem';
import type { Sender } from '../chain.ts';
import type { Artifacts } from '../compile.ts';
import type { NpmArtifacts } from '../npm-artifacts.ts';
import type { Role } from '../catalog.ts';

/** What each deploy step needs; steps add the addresses they create to `contracts`. */
export type DeployContext = {
  client: PublicClient;
  deployer: Sender;
  own: Artifacts;
  npm: NpmArtifacts;
  accounts: Record<Role, Address>;
  contracts: Record<string, Address>;
};

export const E18 = 10n ** 18n;
export const tokens = (amount: number) => BigInt(amount) * E18;
export const usdc = (amount: number) => BigInt(amount) * 10n ** 6n;
