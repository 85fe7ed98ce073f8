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

/**
 * Speeds a switch's ports can run at, fastest first: the catalog's `portSpeeds`, else the native speed and its
 * halvings down to the lane rate (a port of n lanes splits into ports of n/2, n/4 … lanes).
 */
export function portSpeedsOf(s: SwitchModel): number[] {
  const native = pickSourced(s.portGbps, 'typical');
  if (s.portSpeeds) return [...s.portSpeeds.gbps].sort((a, b) => b - a);
  const out = [native];
  for (let g = native / 2; g >= s.laneGbps && Number.isInteger(g); g /= 2) out.push(g);
  return out;
}

/** Logical ports of a switch at a speed it supports: the switch bandwidth (radix × native speed) ÷ the speed. */
export function portsAtSpeed(s: SwitchModel, gbps: number): number {
  return Math.floor((switchRadix(s) * pickSourced(s.portGbps, 'typical')) / gbps);
}

/** Most switch ports one NIC port spreads over: the 8 electrical lanes of an OSFP or QSFP-DD port. */
export const MAX_SWITCH_PORTS_PER_NIC_PORT = 8;

/** How a node's NIC ports land on a switch's ports. Every output states it. */
export interface PortMapping {
  /** Speed of one NIC port (Gb/s). */
  readonly nicPortGbps: number;
  /** Speed each switch port runs at for these NICs: the link speed of the fabric (per plane). */
  readonly switchPortGbps: number;
  /** Switch ports one NIC port takes per plane (2 for a 1.6T NIC port on 800G switch ports). */
  readonly switchPortsPerNicPort: number;
  /** Logical ports per switch at `switchPortGbps` (all planes of one switch). */
  readonly logicalPortsPerSwitch: number;
  /** The switch's native port speed and the speeds its ports can run at. */
  readonly nativePortGbps: number;
  readonly supportedGbps: readonly number[];
  /** Logical ports one native port runs as (2 for 800G as 2 × 400G; 0.5 when two native ports gang into one). */
  readonly portsPerNativePort: number;
  /** False when the NIC and the switch port speeds do not match (the link runs at the slower of the two). */
  readonly speedsMatch: boolean;
}

/**
 * Map NIC ports of `nicPortGbps` (split into `planes` planes) onto a switch: the port speed equal to the NIC's
 * per-plane speed when the switch has it, else the fastest speed that divides it (a 1.6T port as 2 × 800G),
 * else the slowest speed above it (the NIC is slower than every port mode: the link runs at the NIC speed).
 * `requestedGbps` (a breakout the user asks for) must be one of the switch's speeds: null when it is not.
 */
export function mapNicPorts(s: SwitchModel, nicPortGbps: number, planes = 1, requestedGbps?: number): PortMapping | null {
  const supported = portSpeedsOf(s);
  const native = pickSourced(s.portGbps, 'typical');
  const target = nicPortGbps / planes;
  let gbps: number;
  let per: number;
  // A NIC port spreads over at most as many switch ports as it has electrical lanes (8 in an OSFP or QSFP-DD cage);
  // beyond that it runs on one port at the switch's speed and the mismatch is reported.
  const spread = (g: number) => (target > g && Math.ceil(target / g) <= MAX_SWITCH_PORTS_PER_NIC_PORT ? Math.ceil(target / g) : 1);
  if (requestedGbps !== undefined) {
    if (!supported.includes(requestedGbps)) return null;
    [gbps, per] = [requestedGbps, spread(requestedGbps)];
  } else if (supported.includes(target)) {
    [gbps, per] = [target, 1];
  } else {
    const dividing = supported.find((g) => g < target && Number.isInteger(target / g) && target / g <= MAX_SWITCH_PORTS_PER_NIC_PORT);
    const above = [...supported].reverse().find((g) => g > target);
    if (dividing !== undefined) [gbps, per] = [dividing, target / dividing];
    else if (above !== undefined) [gbps, per] = [above, 1];
    else [gbps, per] = [supported[0]!, 1];
  }
  return {
    nicPortGbps,
    switchPortGbps: gbps,
    switchPortsPerNicPort: per,
    logicalPortsPerSwitch: portsAtSpeed(s, gbps),
    nativePortGbps: native,
    supportedGbps: supported,
    portsPerNativePort: native / gbps,
    speedsMatch: gbps * per === target,
  };
}
