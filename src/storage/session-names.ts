/**
 * Where the app keeps its session: the IndexedDB database and the localStorage journal key. Apart from the
 * storage code so the page can tell a first visit (neither exists) without loading it.
 * @module
 */

/** The app's IndexedDB database (autosave and the plan library). */
export const DB_NAME = 'rackplan';

/** localStorage key of the synchronous journal that backs up the latest session (src/storage/autosave.ts `Autosaver`). */
export const JOURNAL_KEY = 'rackplan:session-journal';
