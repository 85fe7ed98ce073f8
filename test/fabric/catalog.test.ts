import { describe, expect, it } from 'vitest';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { validateNetworkFiles } from '../../src/schema/preset-files';
import switches from '../../presets/network/switches.json';
import optics from '../../presets/network/optics.json';

/** Every numeric leaf must sit inside a Sourced/Missing object (a `unit` next to `value` or `typical`). */
function unsourcedNumbers(value: unknown, path: string, out: string[], allowed: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => unsourcedNumbers(v, `${path}[${i}]`, out, allowed));
    return;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('unit' in o && ('value' in o || 'typical' in o)) return; // a provenance object
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'number' && !allowed.has(k)) out.push(`${path}.${k}`);
      else unsourcedNumbers(v, `${path}.${k}`, out, allowed);
    }
  }
}

describe('network presets', () => {
  it('load and validate', () => {
    const c = loadNetworkCatalog();
    expect(c.switches.map((s) => s.id)).toEqual(expect.arrayContaining(['quantum-2-qm9700', 'quantum-x800-q3400', 'spectrum-4-sn5600', 'tomahawk-5-64x800', 'tomahawk-6-128x800']));
    expect(c.transceivers.length).toBeGreaterThan(5);
    expect(c.cables.some((m) => m.kind === 'dac')).toBe(true);
    expect(Object.isFrozen(c.switches[0])).toBe(true);
  });

  it('every measured number carries provenance (structural integers excepted)', () => {
    const out: string[] = [];
    // NIC-speed bounds of a switch default are rule thresholds (speed classes), their sources beside them.
    const structural = new Set(['schemaVersion', 'cages', 'portsPerCage', 'laneGbps', 'linkGbps', 'linksPerModule', 'minNicGbps', 'belowNicGbps']);
    unsourcedNumbers(switches, 'switches.json', out, structural);
    unsourcedNumbers(optics, 'optics.json', out, structural);
    expect(out).toEqual([]);
  });

  it('no passive DAC at 200G per lane (NVIDIA LinkX XDR list: https://docs.nvidia.com/networking/display/800g200gpam4list)', () => {
    const c = loadNetworkCatalog();
    expect(c.cables.filter((m) => m.kind === 'dac' && m.laneGbps >= 200)).toEqual([]);
    const bad = structuredClone(optics);
    bad.cables[0]!.laneGbps = 200;
    const r = validateNetworkFiles({ switches: ['s', switches], optics: ['o', bad] });
    expect(r.problems.join('\n')).toMatch(/no passive DAC at 200G/);
  });

  it('reports a broken preset with its path', () => {
    const bad = structuredClone(switches) as { switches: Record<string, unknown>[] };
    bad.switches[0]!.cages = 0;
    delete bad.switches[1]!.maxPowerW;
    const r = validateNetworkFiles({ switches: ['presets/network/switches.json', bad], optics: ['o', optics] });
    expect(r.problems.some((p) => p.includes('switches[0].cages'))).toBe(true);
    expect(r.problems.some((p) => p.includes('switches[1].maxPowerW'))).toBe(true);
  });
});
