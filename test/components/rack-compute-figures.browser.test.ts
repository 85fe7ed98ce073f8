/**
 * The rack designer's "Compute and scale-up" figures in a real browser: scale-up bandwidth, sparse rates, host
 * vCPU/memory for a cloud unit and energy per accelerator, shown as the engine computes them.
 */
import { describe, expect, it } from 'vitest';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { formatNumber } from '../../src/views/format';
import { catalog, deepQuery, mountApp, until } from './helpers';

const figureText = (id: string) => deepQuery<HTMLElement>(document.body, `[data-figure="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('rack designer: compute and scale-up figures', () => {
  it('Trn2 UltraServer: NeuronLink bandwidth, host of 4 × trn2u.48xlarge, sparse FP8 and energy per accelerator', async () => {
    await mountApp('/rack/trn2-ultraserver');
    await until(() => figureText('scaleup-bw') !== '');
    const g = catalog.generations.find((x) => x.id === 'trn2-ultraserver')!;
    const r = evaluateUnit(g, {}, catalog);
    expect(figureText('scaleup-bw')).toContain(`${formatNumber(r.scaleUp.unitTBps!)} TB/s`);
    expect(figureText('scaleup-bw')).toContain('per rack');
    expect(figureText('host')).toContain('768 vCPU');
    expect(figureText('host')).toContain('4 × trn2u.48xlarge');
    expect(figureText('sparse')).toContain(`${formatNumber(r.compute.fp8SparsePflops!)} PFLOPS`);
    expect(figureText('energy')).toContain('MWh/yr');
    expect(figureText('acc-power')).toContain('% of IT');
  });
  it('GB300 NVL72: 129.6 TB/s NVLink, no host figure, unpublished rates read "not published"', async () => {
    await mountApp('/rack/gb300-nvl72');
    await until(() => figureText('scaleup-bw') !== '');
    expect(figureText('scaleup-bw')).toContain('129.6 TB/s');
    expect(deepQuery(document.body, '[data-figure="host"]')).toBeNull();
    expect(figureText('sparse')).toContain('BF16 not published');
    expect(figureText('acc-power')).toContain('idle not published');
    for (const id of ['scaleup-bw', 'sparse', 'fp32', 'energy', 'acc-power']) expect(figureText(id)).not.toMatch(/NaN|Infinity|undefined/);
  });
});
