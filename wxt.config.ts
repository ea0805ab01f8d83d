import { defineConfig } from 'wxt';

// Extension pages may not be framed (clickjacking) and load only our own scripts.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'; frame-ancestors 'none';";

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  manifest: {
    name: 'Sharekeep',
    description: 'Self-custody wallet for tokenized stocks: what each token really is, before you sign.',
    permissions: ['storage', 'alarms'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Sharekeep' },
    browser_specific_settings: {
      gecko: { id: 'wallet@sharekeep.app', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    },
  },
});
