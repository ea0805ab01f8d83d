// Imported first by every extension page: SES lockdown freezes the JavaScript built-ins before
// any other module runs, so no library the page loads can rewrite a
// prototype another one, or the page's own code, relies on. The service worker does not lock
// down: it would more than double its start-up (measured by `npm run bench`), and it loads
// no code but ours.
import 'ses';

lockdown({
  // The pages' CSP already refuses eval to page code; taming it again would only break the
  // browser automation the tests drive the pages with.
  evalTaming: 'unsafe-eval',
  overrideTaming: 'severe',
  // Errors and the console keep their stacks and messages: debugging the wallet stays possible.
  errorTaming: 'unsafe',
  consoleTaming: 'unsafe',
  stackFiltering: 'verbose',
  errorTrapping: 'none',
  unhandledRejectionTrapping: 'none',
});
