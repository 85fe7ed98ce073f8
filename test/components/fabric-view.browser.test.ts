/**
 * The Fabric view in a real browser: sizing by GPUs (rounded up to whole units, shown in the field's note),
 * switching to units keeps the cluster, the schedule preview shows the CSV download's own first rows, the
 * filters change the rows and their counts, and the switch line says which switch and why.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RackFabricView } from '../../components/fabric/rack-fabric-view';
import type { Download } from '../../src/export/browser';
import { loadUnits } from '../../src/views/parse';
import { Reports } from '../../src/views/reports';
import type { AppStore } from '../../src/state/store';
import { deepQuery, mountApp, until } from './helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

async function mountFabric() {
  const mounted = await mountApp('/fabric');
  await until(() => deepQuery(document.body, 'table[data-preview] tbody tr') !== null, 15_000);
  const view = deepQuery<RackFabricView>(document.body, 'rack-fabric-view')!;
  return { ...mounted, view, root: view.shadowRoot! };
}

/** The app's Reports for a store (the fabric report the view shows). */
async function mountedReports(store: AppStore): Promise<Reports> {
  const r = new Reports(store);
  await r.load();
  return r;
}

/** The preview's rows as CSV lines (cells joined by commas). */
function previewLines(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('table[data-preview] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(','));
}

const countText = (root: ShadowRoot) => root.querySelector('[data-preview-count]')?.textContent?.trim() ?? '';

describe('Fabric view: size by GPUs', () => {
  it('typing 1024 means 1,024 GPUs: 15 GB200 NVL72 units = 1,080 GPUs (⌈1024 ÷ 72⌉ = 15); Units keeps the cluster', async () => {
    const { store, root } = await mountFabric();
    expect(store.design.fabric).toEqual({ accelerators: 1152 });
    const field = page.getByRole('textbox', { name: 'GPUs in the cluster' });
    await userEvent.fill(field, '1024');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.fabric.accelerators === 1024);
    expect(store.design.fabric.units).toBeUndefined();
    // 15 units × 18 compute trays = 270 nodes, each with 4 scale-out NICs.
    await expect.element(page.getByRole('img', { name: /Scale-out fabric/ })).toHaveAttribute('aria-label', expect.stringMatching(/270 nodes/));
    await expect.element(page.getByText(/1,024 GPUs → 15 units = 1,080 GPUs/)).toBeVisible();
    // Switching to units starts from the units built, so the fabric does not change.
    await page.getByRole('radio', { name: 'Units' }).click();
    await until(() => store.design.fabric.units === 15 && store.design.fabric.accelerators === undefined);
    await expect.element(page.getByRole('textbox', { name: 'Units in the cluster' })).toHaveValue('15');
    await expect.element(page.getByText(/^.*15 units = 1,080 GPUs/)).toBeVisible();
    // And back: the GPUs those units hold.
    await page.getByRole('radio', { name: 'GPUs' }).click();
    await until(() => store.design.fabric.accelerators === 1080);
    store.undo();
    await until(() => store.design.fabric.units === 15);
    expect(root.querySelector('[data-why]')?.textContent).toMatch(/Default:.*catalog default for the scale-out network for 400G NICs/);
  });

  it('a size beyond the largest cluster says why instead of sizing', async () => {
    const { store } = await mountFabric();
    await userEvent.fill(page.getByRole('textbox', { name: 'GPUs in the cluster' }), '9000000');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.fabric.accelerators === 9_000_000);
    await expect.element(page.getByRole('status').filter({ hasText: /9,000,000 GPUs need 125,000 units/ })).toBeVisible();
  });
});

describe('Fabric view: schedule preview', () => {
  it('shows the first 50 rows of the CSV download, cell for cell', async () => {
    const { view, root } = await mountFabric();
    const got: Download[] = [];
    view.download = (d) => got.push(d);
    (root.querySelector('button[data-schedule="csv"]') as HTMLButtonElement).click();
    await until(() => got.length === 1);
    const csv = (await got[0]!.blob.text()).split('\n');
    const header = [...root.querySelectorAll('table[data-preview] thead th')].map((th) => th.textContent).join(',');
    expect(header).toBe(csv[0]);
    expect(previewLines(root)).toEqual(csv.slice(1, 51));
    expect(countText(root)).toBe(`${(csv.length - 2).toLocaleString('en-US')} rows match; the first 50 shown`);
    // Every network is in the file: compute, front-end and out of band (GB200 NVL72 has no storage ports).
    expect(new Set(csv.slice(1, -1).map((l) => l.split(',').at(-1)))).toEqual(new Set(['compute', 'frontend', 'oob']));
  });

  it('filters change the rows and the counts: tier and medium from the core summary, a rack by walking the stream', async () => {
    const { root } = await mountFabric();
    // Every network is in the schedule; the compute fabric's rows are counted by tier and medium by the core.
    const network = page.getByRole('combobox', { name: 'Schedule network' });
    await expect.element(network).toHaveTextContent(/Compute \(scale-out\) \(3,200\)/);
    await userEvent.selectOptions(network, 'compute');
    await until(() => countText(root).startsWith('3,200 rows match'));
    const tier = page.getByRole('combobox', { name: 'Schedule tier' });
    // Default GB200 NVL72 × 16: 1,152 node-leaf links and 2,048 leaf-spine links (the tier diagram's figures).
    await expect.element(tier).toHaveTextContent(/Node – leaf \(1,152\)/);
    await userEvent.selectOptions(tier, 'leaf-spine');
    await until(() => countText(root).startsWith('2,048 rows match'));
    expect(previewLines(root).every((l) => l.split(',')[1] === 'leaf-spine')).toBe(true);
    const medium = page.getByRole('combobox', { name: 'Schedule medium' });
    const options = [...(medium.element() as HTMLSelectElement).options].map((o) => o.value).filter(Boolean);
    expect(options.length).toBeGreaterThan(1);
    await userEvent.selectOptions(tier, '');
    await userEvent.selectOptions(medium, options[0]!);
    const label = [...(medium.element() as HTMLSelectElement).options].find((o) => o.value === options[0])!.textContent;
    const n = label.match(/\(([\d,]+)\)/)![1]!;
    await until(() => countText(root).startsWith(`${n} row`));
    expect(previewLines(root).every((l) => l.split(',')[8] === options[0])).toBe(true);
    // A rack: 18 compute trays × 4 NICs = 72 node-leaf cables leave compute rack C1.
    await userEvent.selectOptions(medium, '');
    await userEvent.fill(page.getByRole('textbox', { name: 'Schedule rack' }), 'C1');
    await userEvent.keyboard('{Enter}');
    await until(() => countText(root).startsWith('72 rows match'));
    expect(previewLines(root).every((l) => l.split(',')[2] === 'C1' || l.split(',')[5] === 'C1')).toBe(true);
    await userEvent.fill(page.getByRole('textbox', { name: 'Schedule rack' }), 'C999');
    await userEvent.keyboard('{Enter}');
    await until(() => countText(root) === 'no rows match');
    expect(previewLines(root)).toEqual([]);
  });
  it('a filter choice the fabric no longer has is dropped, not applied invisibly (one tier: no leaf – spine cables)', async () => {
    const { store, root } = await mountFabric();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Schedule tier' }), 'leaf-spine');
    await until(() => previewLines(root)[0]?.split(',')[1] === 'leaf-spine');
    // DGX B200: 8 GPUs and 8 scale-out NICs per server, 4 servers per rack; 32 GPUs = one rack = 32 endpoints,
    // which one 64-port top-of-rack leaf holds: a single tier.
    store.dispatch({ type: 'rack/select-generation', id: 'dgx-b200' });
    store.dispatch({ type: 'fabric/set', patch: { accelerators: 32, topology: 'tor' } });
    await expect.element(page.getByRole('img', { name: /Scale-out fabric, 1 tier/ })).toBeVisible();
    await until(() => previewLines(root)[0]?.split(',')[1] === 'node-leaf');
    expect((root.querySelector('select[data-filter="tier"]') as HTMLSelectElement).value).toBe('');
    expect(countText(root)).toMatch(/^[\d,]+ rows match/);
  });
});

describe('Fabric view: topology and oversubscription per tier', () => {
  it('top of rack puts a leaf in every rack: switch counts, the per-tier table and the schedule rows change together', async () => {
    const { store, root } = await mountFabric();
    const switchesText = () => root.querySelector('.figs dd')?.textContent ?? '';
    const before = switchesText();
    expect(root.querySelector('table[data-tiers] caption')?.textContent).toMatch(/rail-optimized · 4 × 400G NIC ports per node/);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Topology' }), 'tor');
    await until(() => store.design.fabric.topology === 'tor');
    await until(() => switchesText() !== before && /top of rack/.test(root.querySelector('table[data-tiers] caption')?.textContent ?? ''));
    // In-rack leaves: the first node-leaf cable stays in compute rack C1 (both ends).
    await until(() => previewLines(root)[0]?.split(',')[5] === 'C1');
    expect(previewLines(root)[0]!.split(',')[2]).toBe('C1');
    // Spine groups only apply to rail-optimized leaves.
    expect(root.querySelector('select[data-key="spineDesign"]')).toBeNull();
    store.undo();
    await until(() => switchesText() === before);
  });

  it('the topology comparison opens on request; its shown row is the page’s figures, and Use switches to another topology', async () => {
    const { store, root } = await mountFabric();
    expect(root.querySelector('table[data-topologies]')).toBeNull();
    await page.getByRole('button', { name: 'Compare rail, top of rack and row' }).click();
    await until(() => root.querySelector('table[data-topologies]') !== null, 15_000);
    const cell = (topology: string, col: number) => root.querySelector(`tr[data-topology="${topology}"]`)?.children[col]?.firstChild?.textContent?.trim() ?? '';
    const switchesShown = () => root.querySelector('.figs dd')?.firstChild?.textContent?.trim() ?? '';
    expect(cell('rail', 2)).toBe(switchesShown());
    const torSwitches = cell('tor', 2);
    expect(torSwitches).not.toBe('');
    (root.querySelector('button[data-use="tor"]') as HTMLButtonElement).click();
    await until(() => store.design.fabric.topology === 'tor');
    // The page now shows the row it chose, and the comparison follows the new design (its shown row moves).
    await until(() => switchesShown() === torSwitches);
    await until(() => root.querySelector('tr[data-topology="tor"].current') !== null, 15_000);
  });

  it('a breakout port speed sizes the fabric on the logical ports; another switch starts matched to the NIC again', async () => {
    const { store, root } = await mountFabric();
    const caption = () => root.querySelector('table[data-tiers] caption')?.textContent ?? '';
    expect(caption()).toMatch(/switch ports at 400G, 64 per switch/);
    const speed = page.getByRole('combobox', { name: 'Switch port speed' });
    const speeds = [...(speed.element() as HTMLSelectElement).options].map((o) => o.value);
    expect(speeds).toContain('200');
    await userEvent.selectOptions(speed, '200');
    await until(() => store.design.fabric.portGbps === 200);
    // QM9700: 64 × 400G = 128 × 200G logical ports (the same SerDes); each 400G NIC port takes two of them.
    await until(() => /4 × 400G NIC ports per node \(each takes 2 × 200G\) · switch ports at 200G, 128 per switch/.test(caption()));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Switch', exact: true }), 'quantum-x800-q3400');
    await until(() => store.design.fabric.switchId === 'quantum-x800-q3400' && store.design.fabric.portGbps === undefined);
  });

  it('appliance ports: typed groups land on service leaves and in the schedule; a name the schedule uses is refused at the field', async () => {
    const { store, root } = await mountFabric();
    const field = page.getByRole('textbox', { name: 'Appliance ports on the fabric' });
    await userEvent.fill(field, 'node=3');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(/node: lowercase letters.*not node or cdu/)).toBeVisible();
    expect(store.design.fabric.extraEndpoints).toBeUndefined();
    await userEvent.fill(field, 'ufm=4, storage=16');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.fabric.extraEndpoints?.length === 2);
    await until(() => /20 appliance ports on 1 service leaf/.test(root.querySelector('table[data-tiers] caption')?.textContent ?? ''));
    await userEvent.fill(page.getByRole('textbox', { name: 'Schedule rack' }), 'A1');
    await userEvent.keyboard('{Enter}');
    await until(() => countText(root).startsWith('20 rows match'));
    expect(previewLines(root).map((l) => l.split(',')[3])).toEqual([...['1', '2', '3', '4'].map((i) => `ufm${i}`), ...Array.from({ length: 16 }, (_, i) => `storage${i + 1}`)]);
  });

  it('leaf oversubscription 3:1 shows in the per-tier table (3:1 down:up) and blocking', async () => {
    const { store, root } = await mountFabric();
    await userEvent.fill(page.getByRole('textbox', { name: 'Leaf oversubscription' }), '3');
    await userEvent.keyboard('{Enter}');
    await until(() => store.design.fabric.oversubscription === 3);
    // 64 logical ports at 3:1: 48 down, 16 up (64 × 3/4 = 48).
    await until(() => /48 \/ 16 of 64/.test(root.querySelector('table[data-tiers] tbody tr')?.textContent ?? ''));
    expect(root.querySelector('table[data-tiers] tbody tr')?.textContent).toMatch(/3:1/);
  });
});

describe('Fabric view: what a figure leaves out', () => {
  it('network power without switch watts in the catalog is a lower bound and says so (Vera Rubin NVL144 on Quantum-X800)', async () => {
    const { store, root } = await mountFabric();
    store.dispatch({ type: 'rack/select-generation', id: 'vr-nvl144' });
    await until(() => /1,600G NIC ports per node \(each takes 2 × 800G\)/.test(root.querySelector('table[data-tiers] caption')?.textContent ?? ''));
    const power = [...root.querySelectorAll('.figs > div')].find((d) => d.querySelector('dt')?.textContent === 'Network power')!;
    const fabric = (await mountedReports(store)).fabric!;
    // The catalog has no watts for Quantum-X800 Q3400-RA today; should it gain them, the figure is a plain total.
    if (fabric.ok && fabric.value.evaluation.switchWattsSource === 'unknown') expect(power.querySelector('dd')!.textContent).toMatch(/^≥ [\d,.]+ kW.*switches not counted \(no watts in the catalog\)/s);
    else expect(power.querySelector('dd')!.textContent).not.toMatch(/≥|not counted/);
  });
});
