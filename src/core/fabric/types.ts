/**
 * Network catalog entries (switches, transceivers, cable media) as the core sees them once
 * src/schema/network.ts has validated presets/network/*.json. Field names end in their unit.
 * @module
 */
import type { MaybeSourced, Source, Sourced } from '../provenance';

export type SwitchRole = 'scale-out' | 'front-end' | 'storage' | 'oob';

/** This switch is the catalog default for `role` (for node NICs from `minNicGbps` up to, not including, `belowNicGbps`). */
export interface SwitchDefault {
  readonly role: SwitchRole;
  readonly minNicGbps?: number;
  readonly belowNicGbps?: number;
  readonly sources: readonly Source[];
  readonly note?: string;
}

/** The speeds a switch's ports can run at, as the SerDes allow (breakout below the native speed, ganged cages above it). */
export interface PortSpeeds {
  /** Each speed the ports can run at (Gb/s); the logical port count at speed S is radix × portGbps ÷ S. */
  readonly gbps: readonly number[];
  readonly sources: readonly Source[];
  readonly note?: string;
}

export interface SwitchModel {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly asic: string;
  readonly protocol: 'infiniband' | 'ethernet';
  readonly roles: readonly SwitchRole[];
  /** Front-panel cages (OSFP, RJ45…). */
  readonly cages: number;
  /** Ports one cage carries at `portGbps` (a twin-port OSFP cage carries 2). */
  readonly portsPerCage: number;
  readonly portGbps: Sourced;
  /** Speeds the ports run at besides `portGbps` (breakouts); absent: halvings of the port down to the lane rate (a SerDes split). */
  readonly portSpeeds?: PortSpeeds;
  /** Electrical lane rate of a port (100 for NDR / 800GbE, 200 for XDR / 1.6T): sets which media reach. */
  readonly laneGbps: number;
  readonly heightU: Sourced;
  readonly typicalPowerW: MaybeSourced;
  readonly maxPowerW: MaybeSourced;
  readonly weightKg: MaybeSourced;
  readonly cooling: 'air' | 'liquid';
  readonly note?: string;
  readonly defaultFor?: readonly SwitchDefault[];
}

export type FiberKind = 'mmf' | 'smf';

export interface TransceiverModel {
  readonly id: string;
  readonly name: string;
  readonly partNumber: string;
  readonly formFactor: string;
  /** Speed of each link the module serves. */
  readonly linkGbps: number;
  /** Links one module serves (a twin-port OSFP serves two). */
  readonly linksPerModule: number;
  readonly laneGbps: number;
  readonly fiber: FiberKind;
  readonly reachM: MaybeSourced;
  readonly typicalPowerW: MaybeSourced;
  readonly maxPowerW: MaybeSourced;
}

export type MediaKind = 'dac' | 'acc' | 'aec' | 'aoc' | 'mmf' | 'smf' | 'utp';

export interface CableMedium {
  readonly id: string;
  readonly name: string;
  readonly partNumber: string;
  readonly kind: MediaKind;
  readonly laneGbps: number;
  readonly reachM: Sourced;
  /** Watts drawn at each end by the cable itself (active copper, AOC); optics carry theirs on the module. */
  readonly powerPerEndW: MaybeSourced;
  readonly massKgPerM: MaybeSourced;
}

export interface NetworkCatalog {
  readonly switches: readonly SwitchModel[];
  readonly transceivers: readonly TransceiverModel[];
  readonly cables: readonly CableMedium[];
}
