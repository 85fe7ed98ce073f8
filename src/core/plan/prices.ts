/**
 * Default prices and cost factors: sourced ranges where a figure was reported, labelled estimates
 * (with reasoning) where none was. No vendor publishes list prices for these systems; plans override
 * any of them (`prices` in the plan file). Money in USD.
 * @module
 */
import type { Sourced } from '../provenance';

const AWESOME_GB200 = { url: 'https://awesomeagents.ai/hardware/nvidia-gb200-nvl72', title: 'awesomeagents.ai: GB200 NVL72 ≈ USD 2–3 M per rack (reported)' };
const AWESOME_GB300 = { url: 'https://awesomeagents.ai/hardware/nvidia-gb300-nvl72', title: 'awesomeagents.ai: GB300 NVL72 ≈ USD 3–4 M per rack (reported estimate)' };
const EPOCH = { url: 'https://github.com/epoch-research/training-cost-trends', title: 'Epoch AI training-cost-trends: DGX H100 ≈ USD 270,000 (SemiAnalysis, May 2023)' };
const AIINFRA = { url: 'https://www.aiinframap.com/tools/chips/h100-vs-h200-vs-b200-tco', title: 'aiinframap: H100 / H200 / B200 ≈ USD 30k / 35k / 40k per GPU, mid-2026 (rough)' };
const LUXOPTX = { url: 'https://luxoptx.com/blogs/news/800g-optical-module-cost-analysis-tco-optimization-for-ai-data-centers', title: 'LuxOptx: 800G OSFP DR8 USD 1,100–1,400; 64-port 800G switch USD 150–250k (reported)' };
const SN5600 = { url: 'https://docs.nvidia.com/networking/display/sn5000/data+interfaces', title: 'NVIDIA SN5600: 64 × 800GbE, 18 W optics budget per port' };

export interface UnitPrice {
  /** `unit`: per deployable unit; `system`: per server, multiplied by the systems in the unit. */
  readonly per: 'unit' | 'system';
  readonly usd: Sourced;
}

const est = (min: number, typical: number, max: number, note: string): Sourced => ({ min, typical, max, unit: 'USD', confidence: 'estimate', sources: [], note });

/** Default price per generation id. */
export const UNIT_PRICES: Readonly<Record<string, UnitPrice>> = {
  'gb200-nvl72': { per: 'unit', usd: { min: 2_000_000, typical: 2_500_000, max: 3_000_000, unit: 'USD', confidence: 'secondary', sources: [AWESOME_GB200], note: 'Aggregator figure, not an NVIDIA list price.' } },
  'gb300-nvl72': { per: 'unit', usd: { min: 3_000_000, typical: 3_500_000, max: 4_000_000, unit: 'USD', confidence: 'secondary', sources: [AWESOME_GB300], note: 'Reported estimate, not a list price.' } },
  'dgx-h100': { per: 'system', usd: { min: 250_000, typical: 270_000, max: 300_000, unit: 'USD', confidence: 'secondary', sources: [EPOCH], note: 'Estimated sale price per 8-GPU system, May 2023; the range is ± ≈ 10 %.' } },
  'dgx-h200': { per: 'system', usd: { ...est(300_000, 350_000, 420_000, '8 × ≈ USD 35k H200 street price ≈ 280k in GPUs; GPUs taken as ≈ 80 % of a DGX system price.'), sources: [AIINFRA] } },
  'dgx-b200': { per: 'system', usd: { ...est(380_000, 450_000, 550_000, '8 × ≈ USD 40k B200 street price ≈ 320k in GPUs, taken as ≈ 70–80 % of the system.'), sources: [AIINFRA] } },
  'dgx-b300': { per: 'system', usd: est(450_000, 550_000, 650_000, 'No figure found; B200 system estimate plus ≈ 20 % for Blackwell Ultra.') },
  'vr-nvl144': { per: 'unit', usd: est(4_000_000, 5_000_000, 6_500_000, 'No figure found (roadmap); GB300 NVL72 range plus ≈ 30–60 % for the next generation.') },
  'rubin-ultra-nvl576': { per: 'unit', usd: est(15_000_000, 20_000_000, 28_000_000, 'No figure found (roadmap); ≈ 4 × the VR NVL144 estimate for 4 × the GPU dies.') },
  'trn2-server': { per: 'system', usd: est(150_000, 200_000, 280_000, 'AWS sells no Trainium hardware; internal cost guess for 16 Trainium2 + host, well below an 8-GPU HGX system.') },
  'trn2-ultraserver': { per: 'unit', usd: est(600_000, 850_000, 1_200_000, 'Four Trn2 servers plus NeuronLink cabling; internal cost guess.') },
  'trn3-gen2-ultraserver': { per: 'unit', usd: est(2_000_000, 3_000_000, 4_500_000, '144 Trainium3 over 2 racks; internal cost guess, below a comparable GPU rack pair.') },
  'inf2-server': { per: 'system', usd: est(60_000, 90_000, 130_000, '12 Inferentia2 + host (inf2.48xlarge class); internal cost guess.') },
};

/** Used when a generation has no price entry: labelled so the report shows it. */
export const UNKNOWN_UNIT_PRICE: UnitPrice = { per: 'unit', usd: est(0, 0, 0, 'No price known for this generation: set prices.unitUsd in the plan.') };

export const NETWORK_PRICES = {
  /** One 64 × 800G fabric switch. */
  switchUsd: { min: 150_000, typical: 200_000, max: 250_000, unit: 'USD', confidence: 'secondary', sources: [LUXOPTX], note: 'Reported by an optics vendor; low confidence.' } as Sourced,
  /** One 800G transceiver module. */
  transceiverUsd: { min: 1_100, typical: 1_250, max: 1_400, unit: 'USD', confidence: 'secondary', sources: [LUXOPTX], note: 'Volume price (1,000+ units), DR8 class.' } as Sourced,
};

export const FABRIC_DEFAULTS = {
  /** Ports of the fabric switch (64 × 800G class: SN5600, Tomahawk 5 systems). */
  radix: { value: 64, unit: 'ports', confidence: 'published', sources: [SN5600] } as Sourced,
  portGbps: { value: 800, unit: 'Gbps', confidence: 'published', sources: [SN5600] } as Sourced,
  /** Switch input power including optics. */
  switchW: {
    value: 2000,
    unit: 'W',
    confidence: 'estimate',
    sources: [SN5600],
    note: 'System power not published: 64 ports × 18 W optics budget (1,152 W, published) plus ≈ 850 W for ASIC, CPU and fans (estimate).',
  } as Sourced,
};

export const COST_FACTORS = {
  /** Hardware support and spares per year, as a share of unit and network capex. */
  itMaintenanceFractionPerYear: { min: 0.02, typical: 0.03, max: 0.05, unit: 'fraction/yr', confidence: 'estimate', sources: [], note: 'Vendor support contracts are typically quoted at a few percent of hardware cost per year.' } as Sourced,
  /** Spares added to every plant part budget. */
  sparesFraction: { value: 0.02, unit: 'fraction', confidence: 'estimate', sources: [], note: 'Same default as the fabric issue uses for optics and cables (2 %).' } as Sourced,
  /** Share of design input a synchronized training job draws in its low (communication/checkpoint) phase. */
  syncIdleFraction: { min: 0.2, typical: 0.3, max: 0.5, unit: 'fraction', confidence: 'estimate', sources: [], note: 'Accelerators idle near 20–30 % of their rating while a synchronized job waits on communication; not published per generation.' } as Sourced,
};

/** Straight-line amortization used for $ per PFLOP-hour in the accelerator comparison. */
export const AMORTIZATION_YEARS: Sourced = { value: 5, unit: 'years', confidence: 'estimate', sources: [], note: 'Common depreciation life for AI servers (hyperscalers use 5–6 years); change it to match your books.' };

export const PLAN_DEFAULTS = {
  horizonYears: 7,
  discountRate: 0.08,
  utilization: 0.8,
} as const;
