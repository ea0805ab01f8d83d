// The popup's entry: tiny, so the frame in popup.html paints at once. The app (React, the store,
// the portfolio) is asked for at once too, its chunks loading while the frame paints. Waiting a
// frame first, or preloading the chunks from popup.html, made the first portfolio row later
// (interleaved builds: about 195 ms at once, 250 ms after a frame, 275 ms preloaded).
void import('./app-main');
