// Portfolio and token-detail screens (placeholder; filled in by the portfolio work).
export function PortfolioScreen(_props: { navigate(path: string): void }) {
  return <section data-testid="portfolio">Portfolio</section>;
}

export function TokenDetailScreen(props: { chainId: number; address: string; navigate(path: string): void }) {
  return (
    <section data-testid="token-detail">
      Token {props.chainId}:{props.address}
    </section>
  );
}
