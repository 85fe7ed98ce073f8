import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err: err.trim() };
}

describe('rackplan fabric', () => {
  it('--json carries the public names', async () => {
    const r = await run('fabric', '--nodes', '512', '--gpus-per-node', '8', '--switch', 'quantum-2-qm9700', '--su-nodes', '32', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tiers: 3, endpoints: 4096, maxEndpoints: 65536, gpus: 4096 });
    expect(j.switches).toMatchObject({ leaf: 128, spine: 128, core: 64 });
    expect(j.cables).toMatchObject({ nodeLeaf: 4096, leafSpine: 4096, spineCore: 4096 });
    expect(typeof j.transceiverModules).toBe('number');
    expect(j.powerKw).toBeGreaterThan(0);
    expect(Array.isArray(j.issues)).toBe(true);
  });

  it('--hosts counts host links as cables.nodeLeaf', async () => {
    const j = JSON.parse((await run('fabric', '--hosts', '1024', '--radix', '16', '--json')).out);
    expect(j).toMatchObject({ tiers: 3, endpoints: 1024, maxEndpoints: 1024 });
    expect(j.cables.nodeLeaf).toBe(1024);
    expect(j.switches).toMatchObject({ leaf: 128, spine: 128, core: 64 });
  });

  it('returns fabric_exceeds_tiers instead of a wrong design', async () => {
    const j = JSON.parse((await run('fabric', '--hosts', '17', '--radix', '4', '--json')).out);
    expect(j.tiers).toBe(0);
    expect(j.issues[0]).toMatchObject({ code: 'fabric_exceeds_tiers', limit: 16, actual: 17 });
  });

  it('bad input exits 2 with one line per problem and nothing on stdout', async () => {
    const r = await run('fabric', '--nodes', '0', '--gpus-per-node', '8', '--radix', '63', '--oversubscription', '0.5');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      '--nodes: a whole number of nodes ≥ 1 (got "0")',
      '--radix: an even whole number ≥ 4 (switch ports) (got "63")',
      '--oversubscription: a number from 1 to 64 (got "0.5")',
    ]);
    expect((await run('fabric', '--hosts', '8', '--radix', '2')).err).toBe('--radix: an even whole number ≥ 4 (switch ports) (got "2")');
    const unknown = await run('fabric', '--hosts', '8', '--switch', 'qm9999');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^--switch: one of quantum-2-qm9700, .* \(got "qm9999"\)$/);
  });
});

describe('rackplan cables', () => {
  it('summary names, and the streamed schedule has one row per link under the exact header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rackplan-cables-'));
    try {
      const out = join(dir, 's.csv');
      const r = await run('cables', 'gb200-nvl72', '--racks', '8', '--su-nodes', '144', '--racks-per-row', '8', '--out', out, '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      for (const key of ['byMedia', 'lengthHistogram', 'transceiverModules', 'fiberKm', 'copperKm', 'cableMassKg', 'networkRacks']) expect(j).toHaveProperty(key);
      // 4 rails × ⌈144/32⌉ = 20 leaves; 20 × 32 uplinks / 64 = 10 spines, rounded up to 16, the next divisor of 32.
      expect(j.fabric.switches).toMatchObject({ leaf: 20, spine: 16 });
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('cable_id,tier,a_rack,a_device,a_port,b_rack,b_device,b_port,media,part_number,length_m,label,a_transceiver,b_transceiver,network');
      // Every network is in the file: the compute fabric's rows first, then front-end and out-of-band.
      expect(lines.length - 1).toBe(j.scheduleLinks.total);
      expect(j.schedule.rows).toBe(j.scheduleLinks.total);
      expect(j.schedule.rowsByNetwork.compute).toBe(j.fabric.links.total);
      expect(lines.filter((l) => l.endsWith(',compute'))).toHaveLength(j.fabric.links.total);
      expect(j.byMedia.reduce((s: number, m: { links: number }) => s + m.links, 0)).toBe(j.fabric.links.total);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('800G trays default to the 144-port XDR switch and never get passive DAC', async () => {
    const j = JSON.parse((await run('cables', 'gb300-nvl72', '--racks', '4', '--json')).out);
    expect(j.switch.id).toBe('quantum-x800-q3400');
    expect(j.byMedia.some((m: { kind: string }) => m.kind === 'dac')).toBe(false);
  });

  it('racks must be whole units; unknown generation and placement are input errors', async () => {
    const r = await run('cables', 'trn2-ultraserver', '--racks', '3');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--racks: a multiple of 2/);
    expect((await run('cables', 'nope', '--racks', '1')).code).toBe(2);
    expect((await run('cables', 'gb200-nvl72', '--racks', '1', '--leaf-placement', 'roof')).err).toBe('--leaf-placement: one of in-rack, eor, mor, network-row (got "roof")');
  });
});
