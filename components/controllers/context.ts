/**
 * The one store and the one owner of its derived reports, handed down by `@lit/context` from `rack-app`.
 * @module
 */
import { createContext } from '@lit/context';
import type { Reports } from '../../src/views/reports';
import type { AppStore } from '../../src/state/store';

export const storeContext = createContext<AppStore>(Symbol('rackplan-store'));
export const reportsContext = createContext<Reports>(Symbol('rackplan-reports'));
