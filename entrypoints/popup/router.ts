// A hash router small enough to need no library: '#/', '#/token/<chainId>/<address>',
// '#/send?token=<address>', '#/issue/<chainId>/<address>?side=mint|redeem', '#/activity', '#/receive', '#/settings'.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'portfolio' }
  | { name: 'token'; chainId: number; address: string }
  | { name: 'send'; token?: string }
  | { name: 'issue'; chainId: number; address: string; side: 'mint' | 'redeem' }
  | { name: 'activity' }
  | { name: 'receive' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  if (parts[0] === 'token' && /^\d+$/.test(parts[1] ?? '') && /^0x[0-9a-fA-F]{40}$/.test(parts[2] ?? ''))
    return { name: 'token', chainId: Number(parts[1]), address: parts[2] };
  if (parts[0] === 'issue' && /^\d+$/.test(parts[1] ?? '') && /^0x[0-9a-fA-F]{40}$/.test(parts[2] ?? '')) {
    return { name: 'issue', chainId: Number(parts[1]), address: parts[2], side: params.get('side') === 'redeem' ? 'redeem' : 'mint' };
  }
  if (parts[0] === 'send') return { name: 'send', token: params.get('token') ?? undefined };
  if (parts[0] === 'activity') return { name: 'activity' };
  if (parts[0] === 'receive') return { name: 'receive' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'portfolio' };
}

export function navigate(path: string): void {
  location.hash = path.startsWith('#') ? path : `#${path}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
