/**
 * Command registry. Each command lives in its own file and is loaded only when it runs, so a
 * `rackplan rack …` call never parses the fabric, plan or export code (startup stays ~0.15 s).
 * To add a command: one line `name: lazy('one-line summary', () => import('./name'), 'exportName')`.
 */
import type { Command } from '../output';

export interface CommandEntry {
  readonly summary: string;
  /**
   * True when the command loads the generations it reads itself (`loadGenerations` in src/catalog/presets.ts):
   * `rack <generation>` loads one of twelve. The bundled CLI loads every generation before any other command runs.
   */
  readonly loadsOwnGenerations: boolean;
  load(): Promise<Command>;
}

function lazy<M>(summary: string, load: () => Promise<M>, name: keyof M, loadsOwnGenerations = false): CommandEntry {
  return { summary, loadsOwnGenerations, load: async () => (await load())[name] as Command };
}

export const commands: Record<string, CommandEntry> = {
  presets: lazy('list the catalog: generations, sites, switches, optics, PSUs, CDUs, coolants', () => import('./presets'), 'presetsCommand'),
  rack: lazy('power, cooling, cabling, space and compute budgets of one rack generation', () => import('./rack'), 'rackCommand', true),
  calc: lazy('single formulas: circuit capacity, liquid flow, airflow', () => import('./calc'), 'calcCommand', true),
  fabric: lazy('scale-out fabric: leaf/spine/core switches, links, transceivers, watts', () => import('./fabric'), 'fabricCommand'),
  cables: lazy('cluster cabling from a floor layout: media by reach, lengths, optics, km, mass, schedule CSV', () => import('./cables'), 'cablesCommand', true),
  export: lazy('export a plan as JSON, CSV, XLSX, PDF or NetBox import files', () => import('./export'), 'exportCommand'),
  plan: lazy('evaluate a capacity plan: sites, plants, PUE, cost, energy, carbon (optionally optimized)', () => import('./plan'), 'planCommand'),
  optimize: lazy('optimize a capacity plan with HiGHS (same as plan --optimize)', () => import('./optimize'), 'optimizeCommand'),
  compare: lazy('GPU vs Trainium vs Inferentia for one target at one site', () => import('./compare'), 'compareCommand'),
  fit: lazy('how many more units of a generation fit at a site, and which limit binds', () => import('./fit'), 'fitCommand'),
  site: lazy('sites: plant and data-center roles, climate, tariff, carbon, PUE with every term', () => import('./site'), 'siteCommand'),
};
