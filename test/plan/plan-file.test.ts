/** Plan files: the fields issue 14 added are optional in schema 1 (older files load unchanged) and checked at their paths. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { importPlan } from '../../src/io/plan';
import { MIGRATIONS } from '../../src/io/migrate';

const small = JSON.parse(readFileSync('presets/plans/small.json', 'utf8')) as Record<string, unknown> & { deployments: Record<string, unknown>[] };
const problems = (doc: unknown) => {
  const r = importPlan(JSON.stringify(doc));
  return r.ok ? [] : r.error.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('plan file: locked rows, plants and minimum orders', () => {
  it('every example plan (written before these fields) loads unchanged, with no migration', () => {
    expect(MIGRATIONS).toEqual([]);
    for (const f of readdirSync('presets/plans')) {
      const r = importPlan(readFileSync(`presets/plans/${f}`));
      expect(r.ok, f).toBe(true);
    }
  });

  it('accepts locked, plant and minOrder, and they survive import unchanged', () => {
    const doc = { ...small, deployments: [{ ...small.deployments[0], locked: true, plant: 'lordstown-oh' }], minOrder: { racks: 4, units: { 'gb300-nvl72': 10 }, sites: { 'houston-tx': { 'vr-nvl144': 2 } } } };
    const r = importPlan(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.value.deployments[0]).toMatchObject({ locked: true, plant: 'lordstown-oh' });
    expect(r.value.value.minOrder).toEqual(doc.minOrder);
  });

  it('refuses bad values at their paths, naming what is accepted', () => {
    expect(problems({ ...small, deployments: [{ ...small.deployments[0], locked: 'yes' }] }).join('\n')).toMatch(/deployments\[0\]\.locked: must be true \(a firm order or already built\) or false/);
    expect(problems({ ...small, minOrder: { racks: 0 } }).join('\n')).toMatch(/minOrder\.racks: must be a whole number of racks from 1 to 10,000/);
    expect(problems({ ...small, minOrder: { units: { 'gb300-nvl72': 2.5 } } }).join('\n')).toMatch(/minOrder\.units\.gb300-nvl72: must be a whole number of units from 1 to 100,000/);
    expect(problems({ ...small, minOrder: { extra: 1 } }).length).toBeGreaterThan(0);
  });
});
