// MAIN world, document_start, every frame: window.ethereum exists before the page's first script.
import { installProvider } from '@/lib/provider/inpage-provider';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  allFrames: true,
  world: 'MAIN',
  main() {
    installProvider(window);
  },
});
