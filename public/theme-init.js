/* global localStorage, document -- a classic browser script */
// Apply the saved theme before the first paint (no flash of the wrong theme). A file, not an inline script, so
// the Content-Security-Policy can forbid inline scripts (see vite.config.ts `preview.headers` and the README).
try {
  const p = JSON.parse(localStorage.getItem('rackplan.prefs.v1') || '{}');
  if (p.theme === 'light' || p.theme === 'dark') document.documentElement.dataset.theme = p.theme;
} catch {
  // No storage (privacy settings): the system theme applies.
}
