/* global localStorage, document, location, requestAnimationFrame, HTMLTemplateElement, CSS -- a classic browser script */
// Apply the saved theme before the first paint (no flash of the wrong theme). A file, not an inline script, so
// the Content-Security-Policy can forbid inline scripts (see vite.config.ts `preview.headers` and the README).
// The key of src/state/prefs.ts PREFS_KEY (a test holds them equal); null when there is no storage (privacy settings).
let prefs = null;
try {
  prefs = JSON.parse(localStorage.getItem('rackplan.prefs.v1') || '{}');
  if (prefs.theme === 'light' || prefs.theme === 'dark') document.documentElement.dataset.theme = prefs.theme;
} catch {
  // No storage, or unreadable prefs: the system theme applies (and no copy is shown below).
}

// A page with a pre-rendered first visit (scripts/prerender.mjs writes dist/app/rack/<id>.html, its <html> names
// the path it is the copy of) shows that copy only when it equals what the app will paint: the page's own address
// with no query or hash (share and plan links), no session journal, no earlier visit (the app marks one; the app's
// database may then hold a session) and the default display preferences. Decided here, before the first frame (a
// page with a copy loads this script `async` with `blocking="render"`), so the copy is either on the first frame or
// never (index.html hides it unless `data-prerender="shown"`).
try {
  const root = document.documentElement;
  const path = root.dataset.prerendered;
  // The copy needs declarative shadow DOM (else its shadow roots stay inert templates) and :has() (index.html shows
  // it once parsed whole); a browser without them paints the app as it loads.
  const canShow = 'shadowRootMode' in HTMLTemplateElement.prototype && CSS.supports('selector(:has(+ a))');
  if (prefs && canShow && path && location.pathname === path && !location.search && !location.hash) {
    const storage = localStorage;
    const defaultPrefs = prefs.units !== 'us' && prefs.theme !== 'light' && prefs.theme !== 'dark';
    // The keys of src/storage/session-names.ts JOURNAL_KEY and components/app/rack-app.ts VISITED_KEY (a test holds them equal).
    if (defaultPrefs && !storage.getItem('rackplan:session-journal') && !storage.getItem('rackplan:visited')) root.dataset.prerender = 'shown';
  }
} catch {
  // No storage (privacy settings): a session may exist, so the app paints as it loads.
}

// The page's first Intl.NumberFormat loads ICU's number data (20–150 ms in a fresh tab on a busy 2-core machine).
// Every view prints numbers through Intl (src/core/format.ts), so do it in a task of its own while the app's code is
// still downloading, rather than inside the first render: at once, or, when a pre-rendered copy is shown, once the
// copy has been painted (a task here would hold up its parsing and so its first frame).
const warmNumberFormat = () => {
  try {
    new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(1.5);
  } catch {
    // No Intl in this browser: nothing to prepare.
  }
};

// A page with a pre-rendered copy names the app's scripts on <html> instead of loading them from its markup
// (scripts/prerender.mjs deferAppScripts): the app starts once the copy is painted, so its downloads, compiles and
// first run do not hold back the copy's first frame; or at once, when the page shows no copy. index.html loads the
// app itself and names none.
let appStarted = false;
const startApp = () => {
  if (appStarted) return;
  appStarted = true;
  const { appScripts = '', appModules = '', appEntry } = document.documentElement.dataset;
  const add = (tag, props) => document.head.append(Object.assign(document.createElement(tag), props));
  for (const src of appScripts.split(' ').filter(Boolean)) add('script', { src, async: true });
  for (const href of appModules.split(' ').filter(Boolean)) add('link', { rel: 'modulepreload', crossOrigin: '', href });
  if (appEntry) add('script', { type: 'module', crossOrigin: '', src: appEntry });
};

if (document.documentElement.dataset.prerender === 'shown') {
  // A tab opened (or put) in the background paints no frame until shown: nothing to wait for. (A page with a copy
  // loads this script `async`, scripts/prerender.mjs pageWithCopy: the parse may be over.)
  const startIfHidden = () => document.hidden && startApp();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startIfHidden);
  else startIfHidden();
  document.addEventListener('visibilitychange', startIfHidden);
  // Mark the copy's first painted frame the way src/views/marks.ts marks a view's (for the bench and the performance
  // panel): the first frame whose callbacks find the copy parsed whole, which is when index.html shows it.
  const markCopyPainted = () => {
    if (!document.documentElement.dataset.prerender) return; // already swapped for the live app
    if (document.querySelector('.prerendered + .prerendered-end'))
      setTimeout(() => {
        performance.mark('rackplan:prerender:painted');
        startApp();
        // After the mark, not in a task queued beside it: 20–70 ms of ICU loading would come between the frame and it.
        setTimeout(warmNumberFormat, 0);
      }, 0);
    else requestAnimationFrame(markCopyPainted);
  };
  requestAnimationFrame(markCopyPainted);
} else {
  startApp();
  setTimeout(warmNumberFormat, 0);
}
