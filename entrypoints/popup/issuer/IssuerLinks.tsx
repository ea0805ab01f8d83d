// The token detail's way into minting and redeeming: buttons only when the issuer is allowlisted.
import { IssuerActions } from '@/components/IssuerActions';
import { useIssuerOptions } from './use-issuer-options';

export function IssuerLinks({ chainId, address, navigate }: { chainId: number; address: string; navigate(path: string): void }) {
  const options = useIssuerOptions(chainId, address);
  return <IssuerActions options={options} onOpen={(side) => navigate(`/issue/${chainId}/${address}?side=${side}`)} />;
}
