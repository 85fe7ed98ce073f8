/**
 * The one store, handed down by `@lit/context` from `rack-app`.
 * @module
 */
import { createContext } from '@lit/context';
import type { AppStore } from './store';

export const storeContext = createContext<AppStore>(Symbol('rackplan-store'));
