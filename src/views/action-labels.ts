/**
 * What an edit did, in words: the label the undo history shows ("Undo: breaker rating"). The app hands it to the
 * store, which does not import presentation.
 * @module
 */
import type { Action } from '../state/actions';
import { LIMIT_FIELDS, optionLabel } from './fields';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** What an action did, in words (shown as "Undo: …"). */
export function actionLabel(action: Action): string {
  switch (action.type) {
    case 'rack/select-generation':
      return `generation ${action.id}`;
    case 'rack/set-option':
      return action.value === undefined ? `reset ${lower(optionLabel(action.key))}` : lower(optionLabel(action.key));
    case 'rack/reset-options':
      return 'reset all options';
    case 'rack/set-limit':
      return lower(LIMIT_FIELDS[action.key].label);
    case 'rack/set-site':
      return action.siteId ? `site ${action.siteId}` : 'no site';
    case 'compare/toggle-generation':
      return `compare ${action.id}`;
    case 'compare/set-target':
      return 'compare target';
    case 'compare/set-site':
      return `compare at ${action.siteId}`;
    case 'compare/set-density':
      return `${action.id} ${action.systemsPerRack === undefined ? 'catalog rack density' : `${action.systemsPerRack} per rack`}`;
    case 'fabric/set':
      return `fabric ${Object.keys(action.patch).join(', ')}`;
    case 'plan/set-deployment':
      return `${action.units} × ${action.generation} at ${action.site} in ${action.quarter}`;
    case 'plan/set-settings':
      return `plan ${Object.keys(action.patch).join(', ')}`;
    case 'plan/set-optimizer':
      return 'optimizer settings';
    case 'plan/set-demand':
      return action.value === undefined ? `clear demand in ${action.quarter}` : `demand in ${action.quarter}`;
    case 'plan/set-row':
      return action.patch.locked === true ? 'lock a deployment row' : action.patch.locked === false ? 'open a deployment row' : 'plant of a deployment row';
    case 'plan/accept-proposal':
      return action.label;
    case 'plan/replace':
    case 'plan/set-site':
    case 'design/replace':
      return action.label;
    case 'plan/reset-site':
      return `reset ${action.siteId}`;
    case 'plan/set-tariff':
      return `tariff at ${action.siteId}`;
    case 'generations/save':
      return `save ${action.generation.name}`;
    case 'generations/delete':
      return `delete ${action.id}${action.withRows ? ' and its plan rows' : ''}`;
  }
}
