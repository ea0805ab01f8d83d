import { startDevnet } from '../index.ts';
for (let i = 0; i < 15; i++) {
  try { const d = await startDevnet({}); await d.stop(); } catch (e) { console.log(i, (e as Error).message); }
}
console.log('done');
