/* global localStorage, document -- a classic browser script */
// Apply the saved theme before the first paint (no flash of the wrong theme). A file, not an inline script, so
// the Content-Security-Policy can forbid inline scripts (see vite.config.ts `preview.headers` and the README).
try {
  const p = JSON.parse(localStorage.getItem('rackplan.prefs.v1') || '{}');
  if (p.theme === 'light' || p.theme === 'dark') document.documentElement.dataset.theme = p.theme;
} catch {
  // No storage (privacy settings): the system theme applies.
}

// The page's first Intl.NumberFormat loads ICU's number data (20–150 ms in a fresh tab on a busy 2-core machine).
// Every view prints numbers through Intl (src/core/format.ts), so do it now, in a task of its own, while the app's
// code is still downloading, rather than inside the first render.
setTimeout(() => {
  try {
    new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(1.5);
  } catch {
    // No Intl in this browser: nothing to prepare.
  }
}, 0);
