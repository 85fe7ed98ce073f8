/**
 * Scale-out fabric of a site: one fabric per generation cluster at the site (generations do not share a
 * back-end fabric), each sized by `evaluateCluster` (src/core/fabric/evaluate-cluster.ts), the same entry the
 * Fabric view, `rackplan cables` and the plan's exports use, so a cluster gets the same switch and the same
 * counts everywhere. The switch is the plan's `network.switchId`, a custom switch from the plan file's
 * `network.switchRadix/switchPortGbps/switchW`, or the catalog default for the generation's NIC speed.
 * NIC breakouts and the split of clusters beyond three tiers happen inside `evaluateCluster` and are stated here
 * (`byGeneration`).
 * @module
 */
import type { Catalog, Generation } from '../catalog/types';
import { evaluateCluster, type ClusterDesign, type CustomSwitch } from '../fabric/evaluate-cluster';
import type { NetworkCatalog } from '../fabric/types';
import { issue, type Issue } from '../issues';
import { assumption, pickSourced, type Assumption, type Basis } from '../provenance';
import type { FabricEstimate, FabricGenerationRow, Plan } from './types';

/** How the plan chooses and powers its scale-out switches (built once per plan by `planContext`). */
export interface FabricSpec {
  readonly network: NetworkCatalog;
  /** A catalog switch for every cluster; default: the catalog default per NIC speed. */
  readonly switchId?: string;
  /** A switch outside the catalog (old plan files); wins over `switchId`. */
  readonly customSwitch?: CustomSwitch;
  /** Watts per switch the plan states (replaces the catalog figure). */
  readonly switchWatts?: number;
  /** Watts per switch when the catalog has none (the plan's estimate), with where it comes from. */
  readonly switchWattsIfUnknown: { readonly watts: number; readonly source: string };
  readonly basis: Basis;
}

/**
 * The plan's fabric spec from its `network` settings: a custom switch when the plan gives a radix or port speed
 * (older plan files; unset parts from `prices.fabricDefaults`), else `switchId` when the catalog has it, else the
 * catalog default per NIC speed.
 */
export function planFabricSpec(catalog: Catalog, network: Plan['network'] = {}, basis: Basis = 'max'): FabricSpec {
  const d = catalog.prices.fabricDefaults;
  const estimateW = pickSourced(d.switchW, 'typical');
  const net = catalog.network;
  const custom = network.switchRadix !== undefined || network.switchPortGbps !== undefined;
  const known = network.switchId !== undefined && net.switches.some((s) => s.id === network.switchId);
  return {
    network: net,
    switchId: known ? network.switchId : undefined,
    customSwitch: custom
      ? { radix: network.switchRadix ?? pickSourced(d.radix, 'typical'), portGbps: network.switchPortGbps ?? pickSourced(d.portGbps, 'typical'), watts: network.switchW ?? estimateW }
      : undefined,
    switchWatts: custom ? undefined : network.switchW,
    switchWattsIfUnknown: { watts: estimateW, source: 'estimate from presets/prices.json fabricDefaults.switchW' },
    basis,
  };
}

/** Assumption rows for the plan's fabric settings (what the plan file set, or the catalog value used). */
export function planFabricAssumptions(catalog: Catalog, network: Plan['network'] = {}): Assumption[] {
  const d = catalog.prices.fabricDefaults;
  const user = (path: string, value: number | string, unit: string): Assumption => ({ path, value, unit, confidence: 'user', sources: [] });
  const spec = planFabricSpec(catalog, network);
  const out: Assumption[] = [];
  if (spec.customSwitch) {
    out.push(network.switchRadix === undefined ? assumption('network.switchRadix', d.radix, 'typical') : user('network.switchRadix', network.switchRadix, 'ports'));
    out.push(network.switchPortGbps === undefined ? assumption('network.switchPortGbps', d.portGbps, 'typical') : user('network.switchPortGbps', network.switchPortGbps, 'Gbps'));
  } else if (spec.switchId !== undefined) out.push(user('network.switchId', spec.switchId, 'switch'));
  out.push(
    network.switchW === undefined
      ? assumption('network.switchW', d.switchW, 'typical', spec.customSwitch ? undefined : 'used only for a catalog switch without published power')
      : user('network.switchW', network.switchW, 'W'),
  );
  return out;
}

/** Problems with the plan's fabric settings (an unknown switch id: the catalog default is used instead). */
export function planFabricIssues(catalog: Catalog, network: Plan['network'] = {}): Issue[] {
  const id = network.switchId;
  const switches = catalog.network.switches;
  if (id === undefined || switches.some((s) => s.id === id)) return [];
  return [issue('unknown_switch', 'error', ['network', 'switchId'], `no switch "${id}" in the network catalog (one of ${switches.map((s) => s.id).join(', ') || 'none'}); the catalog default per NIC speed is used`)];
}

export const NO_FABRIC: FabricEstimate = { endpointPorts: 0, tiers: 0, clusters: 0, leafSwitches: 0, spineSwitches: 0, coreSwitches: 0, switches: 0, transceivers: 0, switchKw: 0, byGeneration: [], source: 'fabric-core' };

const fabricCache = new WeakMap<Generation, WeakMap<NetworkCatalog, Map<string, FabricEstimate>>>();

/** Everything in a spec that changes a cluster's counts, as a memo key. */
function specKey(s: FabricSpec): string {
  const c = s.customSwitch;
  return `${s.switchId ?? ''}|${c ? `${c.radix}x${c.portGbps}@${c.watts ?? ''}` : ''}|${s.switchWatts ?? ''}|${s.switchWattsIfUnknown.watts}|${s.basis}`;
}

/** The cluster design the plan gives `evaluateCluster` for `units` units. */
export function planClusterDesign(spec: FabricSpec, units: number): ClusterDesign {
  return { units, switchId: spec.switchId, customSwitch: spec.customSwitch, switchWatts: spec.switchWatts };
}

/** Fabric for `units` of one generation (memoized per generation and network catalog objects, units, systems per rack and switch choice: the plan asks per site-quarter). */
export function generationFabric(g: Generation, units: number, spec: FabricSpec, systemsPerRack?: number): FabricEstimate {
  if (units <= 0) return NO_FABRIC;
  let byNetwork = fabricCache.get(g);
  if (!byNetwork) fabricCache.set(g, (byNetwork = new WeakMap<NetworkCatalog, Map<string, FabricEstimate>>()));
  let m = byNetwork.get(spec.network);
  if (!m) byNetwork.set(spec.network, (m = new Map<string, FabricEstimate>()));
  const key = `${units}|${systemsPerRack ?? ''}|${specKey(spec)}`;
  let hit = m.get(key);
  if (!hit) {
    hit = sizeGenerationFabric(g, units, spec, systemsPerRack);
    m.set(key, hit);
  }
  return hit;
}

function sizeGenerationFabric(g: Generation, units: number, spec: FabricSpec, systemsPerRack?: number): FabricEstimate {
  const r = evaluateCluster(g, spec.network, planClusterDesign(spec, units), { systemsPerRack, basis: spec.basis, detail: 'counts', switchWattsIfUnknown: spec.switchWattsIfUnknown });
  if (!r.ok) return NO_FABRIC;
  const c = r.value.counts;
  const row: FabricGenerationRow = {
    generation: g.id,
    units,
    switchId: r.value.switchChoice.id,
    switchName: r.value.switchChoice.name,
    switchReason: r.value.switchChoice.reason,
    switchWattsSource: r.value.switchWattsSource,
    breakout: r.value.breakout,
    clusters: c.clusters,
    tiers: c.tiers,
    leafSwitches: c.switches.leaf,
    spineSwitches: c.switches.spine,
    coreSwitches: c.switches.core,
    switches: c.switches.total,
  };
  return {
    endpointPorts: c.endpoints,
    tiers: c.tiers,
    clusters: c.clusters,
    leafSwitches: c.switches.leaf,
    spineSwitches: c.switches.spine,
    coreSwitches: c.switches.core,
    switches: c.switches.total,
    transceivers: c.allOpticalModules,
    switchKw: c.switchPowerW / 1000,
    byGeneration: [row],
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
      byGeneration: [...a.byGeneration, ...b.byGeneration],
      source: 'fabric-core',
    }),
    NO_FABRIC,
  );
}

/** "Quantum-X800 Q3400 (gb300-nvl72)"-style list of the switches a site's fabric uses, for one-line outputs. */
export function fabricSwitchNames(f: FabricEstimate): string {
  const names = new Map<string, string[]>();
  for (const r of f.byGeneration) names.set(r.switchName, [...(names.get(r.switchName) ?? []), r.generation]);
  return [...names].map(([name, gens]) => `${name} (${gens.join(', ')})`).join('; ');
}
