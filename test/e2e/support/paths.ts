import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv3');
