import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../components/export/rack-plan-exports';
import type { RackFabricView } from '../../components/fabric/rack-fabric-view';
import type { Download } from '../../src/export/browser';
import { formatBytes } from '../../src/export/download-size';
import { importPlan } from '../../src/io/plan';
import { loadUnits } from '../../src/views/parse';
import small from '../fixtures/export/small-plan.json';
import type { Plan } from '../../src/core/plan/types';
import { deepQuery, mountApp } from '../components/helpers';

const planR = importPlan(JSON.stringify(small));
if (!planR.ok) throw new Error('fixture');
const plan: Plan = planR.value.value;

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The entries of a stored ZIP (as src/export/zip.ts writes it), read through its central directory. */
async function unzip(blob: Blob): Promise<Map<string, Uint8Array>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(bytes.buffer);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(p, true)).toBe(0x02014b50);
    expect(view.getUint16(p + 10, true), 'stored, not deflated').toBe(0);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, bytes.subarray(data, data + size));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** gunzip with the browser's own DecompressionStream (independent of the writer's CompressionStream use). */
async function gunzip(data: Uint8Array | Blob): Promise<string> {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart]);
  return new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

const text = (d: Uint8Array) => new TextDecoder().decode(d);
const button = (root: ShadowRoot, selector: string) => root.querySelector<HTMLButtonElement>(selector);

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

describe('<rack-plan-exports> large download', () => {
  it('states the estimated size before a large CSV export and offers the cable schedule gzip-compressed; it decompresses to the same CSV', async () => {
    const got: Download[] = [];
    const el = document.createElement('rack-plan-exports');
    // A threshold the small fixture plan is over, so the warning path runs on a quick export.
    Object.assign(el, { plan, download: (d: Download) => got.push(d), largeDownloadBytes: 10_000 });
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;

    button(root, 'button[data-format="csv"]')!.click();
    await until(() => button(root, 'button[data-large="full"]') !== null);
    expect(got, 'nothing is downloaded before the user chooses').toHaveLength(0);
    const warning = root.querySelector('[part="large-download"]')!.textContent.replace(/\s+/g, ' ');
    expect(warning).toMatch(/CSV export is about [\d.]+ kB/);
    expect(warning).toContain('cables.csv');

    button(root, 'button[data-large="full"]')!.click();
    await until(() => got.length === 1);
    const full = got[0]!;
    // The estimate is exact here: the small plan's schedule is shorter than the sample.
    expect(warning).toContain(`Download full size (${formatBytes(full.blob.size)})`);
    await el.updateComplete;

    button(root, 'button[data-format="csv"]')!.click();
    await until(() => button(root, 'button[data-large="compressed"]') !== null);
    button(root, 'button[data-large="compressed"]')!.click();
    await until(() => got.length === 2);
    const compressed = got[1]!;
    expect(compressed.filename).toBe(full.filename);

    const plain = await unzip(full.blob);
    const packed = await unzip(compressed.blob);
    const dir = full.filename.replace(/\.zip$/, '');
    const cables = plain.get(`${dir}/cables.csv`)!;
    const gz = packed.get(`${dir}/cables.csv.gz`)!;
    expect(packed.has(`${dir}/cables.csv`)).toBe(false);
    expect(gz.length).toBeLessThan(cables.length / 4);
    expect(await gunzip(gz)).toBe(text(cables));
    // Every other file is the same bytes in both.
    for (const [path, data] of plain) if (!path.endsWith('cables.csv')) expect(text(packed.get(path)!), path).toBe(text(data));
  });

  it('a download under the threshold starts at once; Cancel drops a large one', async () => {
    const got: Download[] = [];
    const el = document.createElement('rack-plan-exports');
    Object.assign(el, { plan, download: (d: Download) => got.push(d) });
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    button(root, 'button[data-format="csv"]')!.click();
    await until(() => got.length === 1);
    expect(root.querySelector('[part="large-download"]')).toBeNull();

    el.largeDownloadBytes = 1;
    await el.updateComplete;
    button(root, 'button[data-format="netbox"]')!.click();
    await until(() => button(root, 'button[data-large="cancel"]') !== null);
    expect(root.querySelector('[part="large-download"]')!.textContent).toContain('07-cables.csv');
    button(root, 'button[data-large="cancel"]')!.click();
    await el.updateComplete;
    expect(root.querySelector('[part="large-download"]')).toBeNull();
    expect(got).toHaveLength(1);
  });
});

describe('<rack-fabric-view> large schedule download', () => {
  it('states the size of a large schedule and offers .csv.gz, which decompresses to the full-size CSV', async () => {
    await mountApp('/fabric');
    await until(() => deepQuery(document.body, 'button[data-schedule="csv"]') !== null);
    const view = deepQuery<RackFabricView>(document.body, 'rack-fabric-view')!;
    const got: Download[] = [];
    view.download = (d) => got.push(d);
    view.largeDownloadBytes = 10_000;
    await view.updateComplete;
    const root = view.shadowRoot!;
    await until(() => !button(root, 'button[data-schedule="csv"]')!.disabled);

    button(root, 'button[data-schedule="csv"]')!.click();
    await until(() => button(root, 'button[data-large="compressed"]') !== null);
    expect(got).toHaveLength(0);
    expect(root.querySelector('[part="large-download"]')!.textContent).toMatch(/The schedule is about [\d.]+ (kB|MB)/);

    button(root, 'button[data-large="full"]')!.click();
    await until(() => got.length === 1);
    expect(got[0]!.filename).toMatch(/^rackplan-cables-.*\.csv$/);
    await view.updateComplete;

    button(root, 'button[data-schedule="csv"]')!.click();
    await until(() => button(root, 'button[data-large="compressed"]') !== null);
    button(root, 'button[data-large="compressed"]')!.click();
    await until(() => got.length === 2);
    expect(got[1]!.filename).toBe(`${got[0]!.filename}.gz`);
    const csv = await got[0]!.blob.text();
    expect(csv.split('\n').length).toBeGreaterThan(100);
    expect(await gunzip(got[1]!.blob)).toBe(csv);
    expect(got[1]!.blob.size).toBeLessThan(got[0]!.blob.size / 4);
  });
});
