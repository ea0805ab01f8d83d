// The popup's entry: tiny, so the frame in popup.html paints at once; the app (React, the store,
// the portfolio) loads in the frame after, and replaces it.
requestAnimationFrame(() => {
  setTimeout(() => void import('./app-main'), 0);
});
