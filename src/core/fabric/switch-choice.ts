/**
 * Which switch a network uses, in one place: the user's pick, else the catalog default for the role and the
 * node NIC speed (`defaultFor` on a switch in presets/network/switches.json, validated by src/schema/network.ts
 * to cover every NIC speed once), else, for a catalog built by hand without defaults, the first switch of the
 * role. Also the one rule for a switch's watts at a basis.
 * @module
 */
import { isMissing, pickSourced, type Basis, type Source } from '../provenance';
import type { NetworkCatalog, SwitchModel, SwitchRole } from './types';

export type SwitchReason = 'user' | 'catalog-default' | 'custom';

/** The switch a network uses and why (every output names it). */
export interface SwitchChoice {
  readonly id: string;
  readonly name: string;
  readonly reason: SwitchReason;
  /** One sentence: why this switch. */
  readonly why: string;
  readonly sources: readonly Source[];
}

/** Switches of the catalog that can serve a role. */
export function switchesFor(net: NetworkCatalog, role: SwitchRole): SwitchModel[] {
  return net.switches.filter((s) => s.roles.includes(role));
}

/** The catalog default for a role at a node NIC speed, with the reason; null when the catalog has no switch for the role. */
export function defaultSwitch(net: NetworkCatalog, role: SwitchRole, nicGbps: number): { readonly switch: SwitchModel; readonly choice: SwitchChoice } | null {
  for (const s of net.switches) {
    for (const d of s.defaultFor ?? []) {
      if (d.role !== role || nicGbps < (d.minNicGbps ?? 0) || nicGbps >= (d.belowNicGbps ?? Infinity)) continue;
      const span = d.minNicGbps !== undefined || d.belowNicGbps !== undefined ? ` for ${nicGbps}G NICs` : '';
      return { switch: s, choice: { id: s.id, name: s.name, reason: 'catalog-default', why: `catalog default for the ${role} network${span}`, sources: d.sources } };
    }
  }
  const first = switchesFor(net, role)[0];
  if (!first) return null;
  return { switch: first, choice: { id: first.id, name: first.name, reason: 'catalog-default', why: `first ${role} switch in the catalog (the catalog names no default)`, sources: [] } };
}

/** A switch the user named. */
export function userSwitch(net: NetworkCatalog, id: string, role: SwitchRole): { readonly switch: SwitchModel; readonly choice: SwitchChoice } | null {
  const s = net.switches.find((x) => x.id === id);
  if (!s) return null;
  return { switch: s, choice: { id: s.id, name: s.name, reason: 'user', why: `chosen by the user for the ${role} network`, sources: [] } };
}

/** Radix of a switch: ports at its port speed. */
export function switchRadix(s: SwitchModel): number {
  return s.cages * s.portsPerCage;
}

/**
 * Watts of one switch at a basis (`max` reads maxPowerW, else typicalPowerW), falling back to the other figure
 * when the catalog has only one; null when it has neither.
 */
export function switchWatts(s: SwitchModel, basis: Basis): { readonly watts: number; readonly field: 'maxPowerW' | 'typicalPowerW' } | null {
  const order = basis === 'max' ? (['maxPowerW', 'typicalPowerW'] as const) : (['typicalPowerW', 'maxPowerW'] as const);
  for (const field of order) {
    const q = s[field];
    if (!isMissing(q)) return { watts: pickSourced(q, basis), field };
  }
  return null;
}
