// Isolated world: relays the page's provider requests to the background over a port.
import { PROVIDER_PORT_NAME } from '@/lib/provider/protocol';
import { startRelay } from '@/lib/provider/relay';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main() {
    startRelay(window, () => browser.runtime.connect({ name: PROVIDER_PORT_NAME }));
  },
});
