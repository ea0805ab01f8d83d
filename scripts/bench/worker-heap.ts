// The service worker's JS heap, read over CDP (performance.memory is not exposed in workers).
import puppeteer from 'puppeteer-core';

export async function serviceWorkerHeapMb(debuggingPort: number, extensionId: string): Promise<number> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debuggingPort}` });
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`), {
      timeout: 10_000,
    });
    const session = await target.createCDPSession();
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await browser.disconnect();
  }
}
