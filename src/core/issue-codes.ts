/**
 * Every issue code the engines, the CLI and the views emit, in one place: its default severity, a plain title
 * and what would fix it (for informational notes: what the note means). `issue()` takes an {@link IssueCode},
 * so a misspelt code fails the typecheck. The README's table of issue codes is generated from this registry
 * (test/core/issue-codes.test.ts checks it).
 *
 * A new code goes here first, in its group, with a title a newcomer understands and a fix in engineering terms.
 * @module
 */
import type { Issue, Severity } from './issues';

export interface IssueCodeInfo {
  /** The severity the code is emitted at. */
  readonly severity: Severity;
  /** What went wrong, as a plain sentence without the numbers (the issue's message carries those). */
  readonly title: string;
  /** What would fix it, in engineering terms; for an informational note, what the note means. */
  readonly fix: string;
}

export const ISSUE_CODES = {
  // ---- identifiers
  alias_resolved: {
    severity: 'info',
    title: 'The id given is an alias of a catalog id',
    fix: 'Nothing to fix: the alias was resolved. Scripts stay stable if they use the catalog id',
  },
  generation_alias: {
    severity: 'info',
    title: 'The plan names a generation by an alias',
    fix: 'Nothing to fix: the alias was resolved. Write the catalog id in the plan to keep it stable',
  },
  unknown_generation: {
    severity: 'error',
    title: 'No generation with this id in the catalog',
    fix: 'Use a generation id or alias from the catalog',
  },
  unknown_site: {
    severity: 'error',
    title: 'No site with this id',
    fix: 'Use a site id from the catalog, or define the site in the plan',
  },
  unknown_switch: {
    severity: 'error',
    title: 'The switch is not in the network catalog',
    fix: 'Use a switch id from the network catalog (the message lists them)',
  },

  // ---- rack: units and space
  systems_per_rack_out_of_range: {
    severity: 'warning',
    title: "Systems per rack is outside the reference architecture's range",
    fix: "Stay inside the vendor's reference range, or confirm power, cooling and weight of the denser rack with the vendor",
  },
  systems_per_rack_ignored: {
    severity: 'info',
    title: 'Systems per rack does not apply to a rack-scale unit',
    fix: 'The vendor fixes what a rack-scale unit holds; the value given was not used',
  },
  rack_u_exceeded: {
    severity: 'error',
    title: 'More equipment than the rack has units',
    fix: 'Use a taller rack or fewer systems per rack',
  },
  weight_incomplete: {
    severity: 'warning',
    title: 'Some components have no published weight',
    fix: 'Add the missing weights to the catalog; until then the rack weight and floor loading are understated',
  },
  rack_weight_exceeded: {
    severity: 'error',
    title: "The populated rack exceeds the frame's load rating",
    fix: 'Use a frame with a higher static load rating, or fewer systems per rack',
  },
  floor_loading_exceeded: {
    severity: 'error',
    title: 'A rack loads the floor beyond its rating',
    fix: 'Spread the load (load-spreading plates, a larger footprint), place the racks on a higher-rated floor, or populate fewer systems',
  },

  // ---- rack: power
  power_value_missing: {
    severity: 'warning',
    title: 'A component has no published power and counts as 0 W',
    fix: "Add the component's maximum power, with its source, to the catalog before sizing feeds on this result",
  },
  psu_redundancy_insufficient: {
    severity: 'error',
    title: 'The PSUs left after the redundant ones fail cannot carry the load',
    fix: 'Add a power shelf or PSU per group, choose a lower redundancy level, or cap the rack power',
  },
  psu_capacity_exceeded: {
    severity: 'error',
    title: 'Installed PSU capacity is below the load',
    fix: 'Install more or larger PSUs or power shelves, or cap the rack power below the installed capacity',
  },
  transient_exceeds_psu_peak: {
    severity: 'error',
    title: "The transient power peak exceeds the PSUs' peak rating",
    fix: 'Add PSU or battery (BBU) capacity that covers the peak, or lower the peak with power smoothing or a power cap',
  },
  transient_exceeds_psu_rating: {
    severity: 'warning',
    title: "The transient peak exceeds the PSUs' continuous rating, and no peak rating is published",
    fix: "Confirm the PSUs' overload capability with the vendor, or add BBUs or power smoothing to ride through the peak",
  },
  bbu_power_insufficient: {
    severity: 'error',
    title: 'The battery backup units cannot deliver the transient peak',
    fix: 'Add BBU modules, or lower the peak with power smoothing or a power cap',
  },
  feed_voltage_out_of_range: {
    severity: 'error',
    title: "The feed voltage is outside the PSUs' input range",
    fix: 'Choose a feed voltage the PSUs accept (the message gives their range), or PSUs rated for this feed',
  },
  feed_system_mismatch: {
    severity: 'error',
    title: 'The PSUs cannot connect to this kind of feed',
    fix: 'Match the feed to the PSU input: AC PSUs need an AC feed, DC PSUs a DC bus, 3-phase shelves a 3-phase feed',
  },
  whip_undersized: {
    severity: 'error',
    title: 'One shelf or PSU draws more than its whip carries under failover',
    fix: 'Use a whip and breaker with more capacity (more amps, or 480 V instead of 415 V), or cap the rack power',
  },
  phase_current_exceeded: {
    severity: 'error',
    title: "The worst phase of a whip exceeds the breaker's continuous current",
    fix: 'Rebalance the PSUs across phases, or use a larger breaker and whip or a higher feed voltage',
  },
  ab_failover_insufficient: {
    severity: 'error',
    title: 'The surviving A/B side cannot carry the load',
    fix: 'Add a shelf or PSU per side, cap the rack power to what one side carries, or run a single feed with N+1 PSUs',
  },
  busbar_ampacity_exceeded: {
    severity: 'error',
    title: "The busbar current exceeds the busbar's rating",
    fix: "Cap the rack power to what the busbar carries at its lowest voltage, or use a rack whose busbar is rated for the current",
  },
  power_profile_unknown: {
    severity: 'warning',
    title: 'The power profile is not one this generation publishes',
    fix: "Choose one of the generation's profiles (the message lists them), give a cap in kW, or choose uncapped",
  },

  // ---- rack: cooling
  coolant_supply_too_warm: {
    severity: 'error',
    title: 'The coolant supply is warmer than the rack accepts',
    fix: "Lower the coolant supply to the rack's maximum: colder facility water or a CDU with a smaller approach",
  },
  coolant_near_freezing: {
    severity: 'warning',
    title: "The coolant supply is within 3 K of the coolant's freeze point",
    fix: 'Raise the supply temperature, or use a glycol mix (such as PG25) that freezes lower',
  },
  coolant_table_clamped: {
    severity: 'warning',
    title: "The loop temperature is outside the coolant's property table",
    fix: 'Check the supply temperature and ΔT; flows use the nearest tabulated properties until then',
  },
  facility_water_below_w17: {
    severity: 'warning',
    title: 'The rack needs facility water colder than ASHRAE W17',
    fix: "Raise the rack's coolant supply temperature, use a CDU with a smaller approach, or plan chilled facility water",
  },
  cdu_capacity_exceeded: {
    severity: 'warning',
    title: "The rack's liquid heat exceeds one in-rack CDU",
    fix: 'Plan the number of CDUs per rack the message gives, or a row-level CDU',
  },
  cdu_catalog_empty: {
    severity: 'info',
    title: 'No CDU model is in the catalog',
    fix: 'The CDU count and the facility-water class are not computed until a CDU model is added to the presets',
  },

  // ---- fabric and cabling
  no_scale_out_ports: {
    severity: 'error',
    title: 'The generation has no scale-out NIC ports to build a fabric from',
    fix: 'Choose a generation with scale-out NICs, or add its NIC ports to the catalog',
  },
  fabric_invalid_input: {
    severity: 'error',
    title: 'A fabric input is outside what can be sized',
    fix: 'Give positive whole numbers for nodes, switch radix and planes (the message names the field)',
  },
  fabric_exceeds_tiers: {
    severity: 'error',
    title: 'The endpoints do not fit in the allowed number of switch tiers',
    fix: 'Use a higher-radix switch, more planes, or allow another tier',
  },
  fabric_split: {
    severity: 'info',
    title: 'The cluster is split into independent fabrics',
    fix: 'Three tiers of this switch cannot hold every node; a higher-radix switch would build one fabric',
  },
  fabric_speed_mismatch: {
    severity: 'warning',
    title: 'The NIC speed and the fabric link speed differ',
    fix: 'Choose a switch or a breakout whose link speed matches the NICs',
  },
  fabric_breakout: {
    severity: 'info',
    title: 'Switch ports run as breakouts to match the NIC speed',
    fix: 'Each physical switch port serves several NIC links; the port, cable and optics counts include the breakout',
  },
  fabric_port_speed_unsupported: {
    severity: 'error',
    title: 'The switch cannot run its ports at the speed asked for',
    fix: "Choose one of the switch's port speeds (the message lists them), or a switch that breaks out to this speed",
  },
  fabric_nic_spans_ports: {
    severity: 'info',
    title: 'Each NIC port takes several switch ports',
    fix: 'The NIC is faster than a switch port, so its port runs over several switch ports (a 1.6T port as 2 × 800G); a switch with ports at the NIC speed needs half as many',
  },
  fabric_partial_su: {
    severity: 'info',
    title: 'The last scalable unit is only partly filled',
    fix: 'Leaves and their spine links are built for the whole SU; a node count in whole SUs leaves no idle ports',
  },
  fabric_power_incomplete: {
    severity: 'warning',
    title: 'Fabric power leaves out parts with no published watts',
    fix: 'Add the missing switch or transceiver watts to the network catalog',
  },
  fabric_switch_power_estimated: {
    severity: 'warning',
    title: 'A switch has no power in the catalog, so an estimate is used',
    fix: "Add the switch's published power to the network catalog",
  },
  oob_ports_exceed_switch: {
    severity: 'info',
    title: 'A compute rack needs more than one out-of-band switch',
    fix: 'Counted as several OOB access switches per rack; a switch with more ports keeps it to one',
  },
  oob_cdus_not_counted: {
    severity: 'info',
    title: 'CDU management ports are not counted',
    fix: 'Pass --cdus N to count them',
  },
  layout_too_small: {
    severity: 'warning',
    title: 'The floor layout has too few rows for the racks, so rows were added',
    fix: 'Give more rows or more racks per row, so cable lengths follow the real floor',
  },
  cabling_no_media: {
    severity: 'error',
    title: 'Some links are longer than any allowed medium reaches',
    fix: 'Allow optical media for the long runs, place the racks closer, or lower the lane rate',
  },
  cabling_power_incomplete: {
    severity: 'warning',
    title: 'Cabling power leaves out parts with unknown watts',
    fix: 'Add the transceiver and active-cable watts to the network catalog',
  },
  cabling_mass_incomplete: {
    severity: 'warning',
    title: 'Cable mass leaves out media with unknown mass',
    fix: 'Add the mass per metre of those media to the network catalog',
  },
  schedule_summary_skipped: {
    severity: 'info',
    title: 'The cable media mix and length histogram are not tallied for this many links',
    fix: 'The cable schedule download has every row',
  },

  // ---- plans: inputs
  catalog_version_differs: {
    severity: 'info',
    title: 'The plan was written against another catalog version',
    fix: 'Figures use the current catalog; re-check results that depend on presets changed since',
  },
  site_overridden: {
    severity: 'info',
    title: 'A site in the plan replaces the preset with the same id',
    fix: "The plan's site data is used; give it another id to keep both",
  },
  price_unknown: {
    severity: 'warning',
    title: 'No price is known for a generation, so its capex counts as 0',
    fix: 'Set prices.unitUsd for the generation in the plan',
  },
  power_unknown: {
    severity: 'warning',
    title: "The generation's input power is not known",
    fix: 'Add its power to the catalog; IT MW, energy and performance per watt are left out until then',
  },
  target_unsupported: {
    severity: 'info',
    title: 'The generation does not supply the compared metric',
    fix: 'It is left out of the comparison on this metric; compare on a metric it supplies',
  },
  user_generation_conflict: {
    severity: 'error',
    title: "A plan's own generation clashes with the catalog or names an unknown PSU",
    fix: "Give the generation an id and aliases no preset uses, and name a PSU from the catalog or from the plan's psus",
  },
  not_a_data_center: {
    severity: 'error',
    title: 'The site has no data-center role',
    fix: 'Deploy at a site with a data-center role',
  },
  budget_below_one_unit: {
    severity: 'warning',
    title: 'The power budget does not hold one unit',
    fix: 'Raise the budget, size against IT power instead of the meter, or pick a smaller generation',
  },
  not_a_plant: {
    severity: 'error',
    title: 'The site has no integration-plant role',
    fix: 'Order from a site with an integration-plant role',
  },
  plant_generation_not_built: {
    severity: 'error',
    title: 'The plant does not build this generation',
    fix: 'Order the generation from a plant that builds it (the message lists what this plant builds)',
  },
  outside_horizon: {
    severity: 'warning',
    title: "An order or deployment falls outside the plan's horizon",
    fix: 'Move it inside the horizon, or extend the horizon',
  },
  generation_not_available: {
    severity: 'warning',
    title: 'A generation is deployed before it is available',
    fix: 'Deploy it in or after the quarter it becomes available',
  },
  liquid_supply_unknown: {
    severity: 'info',
    title: 'No coolant supply temperature in the catalog, so liquid heat is cooled like air-side heat',
    fix: "Conservative: the facility cooling is overstated; the generation's coolant supply temperature in the catalog would tighten it",
  },

  // ---- plans: limits over time
  deployment_exceeds_supply: {
    severity: 'error',
    title: 'More units are deployed than have shipped',
    fix: 'Order more units earlier (allowing for the build-to-ship lead time), or deploy later',
  },
  plant_over_capacity: {
    severity: 'error',
    title: 'The plant is asked to build more racks per week than it can',
    fix: 'Spread the orders over more quarters or across plants',
  },
  site_power_exceeded: {
    severity: 'error',
    title: "The site's facility power exceeds the power at the meter",
    fix: "Deploy fewer racks there in that quarter, move some to another site, or add meter capacity in the site's schedule",
  },
  site_positions_exceeded: {
    severity: 'error',
    title: 'More racks than the site has rack positions',
    fix: "Move racks to another site, or add positions (a hall build-out) in the site's schedule",
  },
  site_cooling_exceeded: {
    severity: 'error',
    title: "The heat to reject exceeds the site's cooling capacity",
    fix: 'Deploy fewer racks there, or add heat-rejection capacity',
  },
  site_switch_ports_exceeded: {
    severity: 'error',
    title: 'The fabric needs more switch ports than the site provides',
    fix: 'Add fabric switch capacity at the site, or deploy fewer nodes there',
  },
  demand_unmet: {
    severity: 'warning',
    title: 'Demand is not met in a quarter',
    fix: 'Order and deploy more units before that quarter, or add capacity where a site limit binds',
  },

  // ---- optimizer
  optimizer_no_generations: {
    severity: 'error',
    title: 'The plan names no generation for the optimizer to choose from',
    fix: 'Add at least one deployment or order that names a generation',
  },
  optimizer_no_variables: {
    severity: 'error',
    title: 'Nothing can be built and deployed inside the horizon',
    fix: 'Extend the horizon, or allow plants and sites that can build and host the generations',
  },
  optimizer_failed: {
    severity: 'error',
    title: 'The optimizer found no solution',
    fix: 'Relax the demand, the sites or the horizon and run it again (the message gives the solver status)',
  },
  optimizer_below_min_order: {
    severity: 'warning',
    title: 'Proposed rows are still below the minimum order',
    fix: 'Lower plan.minOrder (racks, or units per generation or site), or accept those rows knowingly',
  },
} as const satisfies Record<string, IssueCodeInfo>;

/** Every issue code there is; a string outside this union does not typecheck as a code. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** True when `code` is a registered issue code (for codes read back from JSON or a stored session). */
export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(ISSUE_CODES, code);
}

/** The registry entry for a code, or undefined for a code this version does not know (an older session). */
export function issueCodeInfo(code: string): IssueCodeInfo | undefined {
  return isIssueCode(code) ? ISSUE_CODES[code] : undefined;
}

/** What to try for an issue: its own computed fix, else the registry's fix for its code ('' when neither says). */
export function issueFix(i: Pick<Issue, 'code' | 'fix'>): string {
  return i.fix ?? issueCodeInfo(i.code)?.fix ?? '';
}
