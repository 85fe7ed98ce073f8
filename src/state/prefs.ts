/**
 * Display preferences kept in the browser between visits (not part of the design document).
 * @module
 */
import { DEFAULT_PREFS } from './store';
import type { Prefs } from './types';

/** localStorage key of the prefs; public/theme-init.js reads it before the first frame. */
export const PREFS_KEY = 'rackplan.prefs.v1';

/** Read prefs; any problem (no storage, bad JSON) gives the defaults. */
export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined): Prefs {
  try {
    const raw = storage?.getItem(PREFS_KEY);
    if (!raw) return DEFAULT_PREFS;
    const p = JSON.parse(raw) as Partial<Prefs>;
    return {
      units: p.units === 'us' ? 'us' : 'si',
      theme: p.theme === 'light' || p.theme === 'dark' ? p.theme : 'system',
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: Prefs): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // storage full or blocked: prefs simply do not persist
  }
}
