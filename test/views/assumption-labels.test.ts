import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { assumptionLabel } from '../../src/views/assumption-labels';

const catalog = loadCatalog();

describe('assumption labels', () => {
  it('every catalog value any generation uses gets a label in words, not a catalog path', () => {
    for (const g of catalog.generations) {
      for (const a of evaluateUnit(g, {}, catalog).assumptions) {
        const label = assumptionLabel(a.path, catalog);
        expect(label, a.path).not.toContain(g.id);
        expect(label, a.path).not.toMatch(/[a-z]\.[a-z]/i); // no dotted path segments left
        expect(label, a.path).not.toMatch(/\b[a-z]{3,}[A-Z]\w*/); // no camelCase catalog keys left
        expect(label.length, a.path).toBeGreaterThan(3);
      }
    }
  });

  it('names the component, PSU or CDU from the catalog', () => {
    expect(assumptionLabel('generations.gb300-nvl72.components.compute-tray.maxPowerW', catalog)).toBe('Compute tray: maximum power');
    expect(assumptionLabel('generations.gb300-nvl72.power.redundancy.default', catalog)).toBe('Default PSU redundancy');
    expect(assumptionLabel('psus.orv3-hpr-33kw-shelf.efficiency', catalog)).toMatch(/^.*33 ?kW.*: efficiency$/i);
    expect(assumptionLabel('defaults.liquidDeltaTK', catalog)).toBe('Coolant temperature rise (default)');
  });
});

describe('assumption labels at other options', () => {
  it('single feeds, DC and server racks label every value in words too', () => {
    for (const g of catalog.generations) {
      for (const options of [{ feeds: 'single' as const }, { units: 4 }]) {
        for (const a of evaluateUnit(g, options, catalog).assumptions) {
          const label = assumptionLabel(a.path, catalog);
          expect(label, a.path).not.toMatch(/\b[a-z]{3,}[A-Z]\w*/);
          expect(label, a.path).not.toMatch(/[a-z]\.[a-z]/i);
        }
      }
    }
  });
});
