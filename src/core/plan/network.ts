/**
 * Scale-out fabric of a site, from the fabric core (src/core/fabric): one rail-optimized fat tree per
 * generation cluster at the site (generations do not share a back-end fabric).
 *
 * The plan's switch is a fixed-radix part (default 64 × 800G, SN5600 / Tomahawk 5 class). NIC ports slower than
 * the switch port run on breakouts, so one physical switch is a logical switch of radix × ⌊switch Gbps ÷ NIC Gbps⌋
 * ports at the NIC speed (switch counts are physical switches either way).
 * When a cluster exceeds what three tiers of that radix reach, it is split into the fewest equal fabrics that fit
 * (stated in `clusters`) instead of an impossible single fabric.
 * @module
 */
import type { Generation } from '../catalog/types';
import { clusterPorts } from '../fabric/cluster';
import { maxEndpointsFor, sizeFabric, type FabricInput } from '../fabric/fat-tree';
import type { FabricEstimate } from './types';

export interface FabricSpec {
  readonly radix: number;
  readonly portGbps: number;
  readonly switchW: number;
}

export const NO_FABRIC: FabricEstimate = { endpointPorts: 0, tiers: 0, clusters: 0, leafSwitches: 0, spineSwitches: 0, coreSwitches: 0, switches: 0, transceivers: 0, switchKw: 0, source: 'fabric-core' };

const portsCache = new WeakMap<Generation, Map<number, ReturnType<typeof clusterPorts>>>();
const fabricCache = new WeakMap<Generation, Map<string, FabricEstimate>>();

/** Ports of one unit, memoized per generation object and systems per rack. */
function unitPorts(g: Generation, systemsPerRack: number | undefined) {
  let m = portsCache.get(g);
  if (!m) portsCache.set(g, (m = new Map<number, ReturnType<typeof clusterPorts>>()));
  const key = systemsPerRack ?? -1;
  if (!m.has(key)) m.set(key, clusterPorts(g, 1, systemsPerRack));
  return m.get(key)!;
}

/** Fabric for `units` of one generation (memoized per generation object, units, systems per rack and switch). */
export function generationFabric(g: Generation, units: number, spec: FabricSpec, systemsPerRack?: number): FabricEstimate {
  if (units <= 0) return NO_FABRIC;
  let m = fabricCache.get(g);
  if (!m) fabricCache.set(g, (m = new Map<string, FabricEstimate>()));
  const key = `${units}|${systemsPerRack ?? ''}|${spec.radix}|${spec.portGbps}|${spec.switchW}`;
  let hit = m.get(key);
  if (!hit) {
    hit = sizeGenerationFabric(g, units, spec, systemsPerRack);
    m.set(key, hit);
  }
  return hit;
}

/**
 * Fabric input for a cluster's scale-out ports on a switch model: a NIC slower than the switch port runs as a
 * breakout (an 800G port as 2 × 400G), which multiplies the logical radix. Shared by the plan and its cable export.
 */
export function clusterFabricBase(rails: number, nicGbps: number, switchRadix: number, switchPortGbps: number): { base: Omit<FabricInput, 'nodes'>; breakout: number } {
  const breakout = nicGbps < switchPortGbps ? Math.max(1, Math.floor(switchPortGbps / nicGbps)) : 1;
  let radix = switchRadix * breakout;
  if (radix % 2) radix -= 1;
  return { base: { rails, radix, portGbps: Math.min(nicGbps, switchPortGbps), tiers: 'auto' }, breakout };
}

/** Node counts of the fabrics `nodes` need: one when three tiers reach them all, else full fabrics and the rest. */
export function fabricParts(nodes: number, base: Omit<FabricInput, 'nodes'>): number[] {
  if (sizeFabric({ ...base, nodes }).tiers > 0) return [nodes];
  const cap = maxEndpointsFor({ ...base, nodes }, 3);
  if (cap <= 0) return [];
  const per = Math.max(1, Math.floor(cap / base.rails));
  const parts: number[] = [];
  for (let left = nodes; left > 0; left -= per) parts.push(Math.min(per, left));
  return parts;
}

function sizeGenerationFabric(g: Generation, units: number, spec: FabricSpec, systemsPerRack?: number): FabricEstimate {
  const one = unitPorts(g, systemsPerRack);
  if (!one || one.nodes <= 0 || one.rails <= 0) return NO_FABRIC;
  const nodes = one.nodes * units;
  const base = { ...clusterFabricBase(one.rails, one.scaleOutGbps, spec.radix, spec.portGbps).base, switchPowerW: spec.switchW };
  const parts = fabricParts(nodes, base);
  if (parts.length === 0) return NO_FABRIC;
  if (parts.length === 1) return fromResult(sizeFabric({ ...base, nodes }), 1, spec);
  const clusters = parts.length;
  const full = sizeFabric({ ...base, nodes: parts[0]! });
  const rest = sizeFabric({ ...base, nodes: parts[clusters - 1]! });
  const sum = (a: number, b: number) => a * (clusters - 1) + b;
  return {
    endpointPorts: nodes * one.rails,
    tiers: Math.max(full.tiers, rest.tiers),
    clusters,
    leafSwitches: sum(full.switches.leaf, rest.switches.leaf),
    spineSwitches: sum(full.switches.spine, rest.switches.spine),
    coreSwitches: sum(full.switches.core, rest.switches.core),
    switches: sum(full.switches.total, rest.switches.total),
    transceivers: sum(full.transceiverModules, rest.transceiverModules),
    switchKw: (sum(full.switches.total, rest.switches.total) * spec.switchW) / 1000,
    source: 'fabric-core',
  };
}

function fromResult(r: ReturnType<typeof sizeFabric>, clusters: number, spec: FabricSpec): FabricEstimate {
  const switches = r.switches.total;
  return {
    endpointPorts: r.endpoints,
    tiers: r.tiers,
    clusters,
    leafSwitches: r.switches.leaf,
    spineSwitches: r.switches.spine,
    coreSwitches: r.switches.core,
    switches,
    transceivers: r.transceiverModules,
    switchKw: (switches * spec.switchW) / 1000,
    source: 'fabric-core',
  };
}

/** Sum the fabrics of several generation clusters at a site. */
export function sumFabrics(parts: readonly FabricEstimate[]): FabricEstimate {
  return parts.reduce<FabricEstimate>(
    (a, b) => ({
      endpointPorts: a.endpointPorts + b.endpointPorts,
      tiers: Math.max(a.tiers, b.tiers),
      clusters: a.clusters + b.clusters,
      leafSwitches: a.leafSwitches + b.leafSwitches,
      spineSwitches: a.spineSwitches + b.spineSwitches,
      coreSwitches: a.coreSwitches + b.coreSwitches,
      switches: a.switches + b.switches,
      transceivers: a.transceivers + b.transceivers,
      switchKw: a.switchKw + b.switchKw,
      source: 'fabric-core',
    }),
    NO_FABRIC,
  );
}
