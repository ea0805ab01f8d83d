import { lazy, Suspense, useCallback } from 'react';
import { useWallet } from '@/lib/ui-state';
import { Header } from './Header';
import { PortfolioScreen } from './portfolio';
import { navigate, type Route, useHashRoute } from './router';
import { useTouchOnActivity } from './use-touch-on-activity';

// The portfolio is the home screen, so it ships with the shell: a lazy home screen would show
// the Suspense fallback first, and React then holds the real content back ~300 ms. The other
// screens are their own chunks, the token detail (with its chart) too.
const TokenDetailScreen = lazy(() => import('./portfolio/TokenDetailScreen').then((m) => ({ default: m.TokenDetailScreen })));
const SendScreen = lazy(() => import('./send/SendScreen').then((m) => ({ default: m.SendScreen })));
const IssuerScreen = lazy(() => import('./issuer/IssuerScreen').then((m) => ({ default: m.IssuerScreen })));
const ActivityScreen = lazy(() => import('./activity/ActivityScreen').then((m) => ({ default: m.ActivityScreen })));
const ReceiveScreen = lazy(() => import('./receive/ReceiveScreen').then((m) => ({ default: m.ReceiveScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'token':
      return <TokenDetailScreen chainId={route.chainId} address={route.address} navigate={navigate} />;
    case 'send':
      return <SendScreen token={route.token} />;
    case 'issue':
      return <IssuerScreen key={`${route.chainId}:${route.address}`} chainId={route.chainId} address={route.address} side={route.side} />;
    case 'activity':
      return <ActivityScreen />;
    case 'receive':
      return <ReceiveScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return (
        <>
          <nav className="actions">
            <button type="button" className="primary" onClick={() => navigate('/send')} data-testid="send-button">
              Send
            </button>
            <button type="button" onClick={() => navigate('/receive')} data-testid="receive-button">
              Receive
            </button>
            <button type="button" onClick={() => navigate('/activity')} data-testid="activity-button">
              Activity
            </button>
          </nav>
          <PortfolioScreen navigate={navigate} />
        </>
      );
  }
}

/** The unlocked wallet: header, then the screen the hash names. */
export function Shell() {
  const call = useWallet((s) => s.call);
  const touch = useCallback(() => void call('touch').catch(() => undefined), [call]);
  useTouchOnActivity(touch);
  const route = useHashRoute();

  return (
    <main className="popup">
      <Header />
      {route.name !== 'portfolio' && (
        <a href="#/" className="back" data-testid="back-home">
          ← Portfolio
        </a>
      )}
      <Suspense fallback={<p className="hint">Loading…</p>}>
        <Screen route={route} />
      </Suspense>
    </main>
  );
}
