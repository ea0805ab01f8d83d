/** The name the wallet knows an address by, shown beside the address (never instead of it). */
export function ContractLabel({ address, labels }: { address?: string; labels?: Readonly<Record<string, string>> }) {
  const label = address ? labels?.[address.toLowerCase()] : undefined;
  if (!label) return null;
  return (
    <span className="contract-label" data-testid="contract-label" data-address={address}>
      {label}
    </span>
  );
}
