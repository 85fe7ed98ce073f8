import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/presets';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { loadSites } from '../../src/catalog/sites';
import { ISSUE_CODES, isIssueCode, issueCodeInfo, type IssueCode } from '../../src/core/issue-codes';
import { issue, type Issue } from '../../src/core/issues';
import { issueLines, withIssueTitles } from '../../src/cli/output';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { evaluateCluster } from '../../src/core/fabric/evaluate-cluster';
import { evaluatePlan } from '../../src/core/plan/evaluate';
import { compareAccelerators } from '../../src/core/plan/compare';
import { fitUnits } from '../../src/core/plan/fit';
import { pick, pickSourced } from '../../src/core/provenance';
import { PlanSchema } from '../../src/schema/plan';
import type { FeedRedundancy } from '../../src/core/catalog/types';
import type { UnitOptions } from '../../src/core/rack/types';

const catalog = loadCatalog();
const network = loadNetworkCatalog();
const sites = loadSites();
const dataCenters = sites.filter((s) => s.roles.dataCenter);
const FEEDS: readonly FeedRedundancy[] = ['ab', 'single'];
const plans = readdirSync('presets/plans')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, plan: PlanSchema.parse(JSON.parse(readFileSync(`presets/plans/${f}`, 'utf8'))) }));

const STRESS_OPTIONS: readonly UnitOptions[] = [
  { feedAmps: 16, feedVolts: 208, feedSystem: '3ph' },
  { feedVolts: 120, feedSystem: '1ph' },
  { feedSystem: 'dc', feedVolts: 48 },
  { redundancy: 'n+n', floorLimitKgM2: 200, systemsPerRack: 99 },
  { coolantSupplyC: 70, coolant: 'pg25', deltaTK: 40 },
  { coolantSupplyC: 1, coolant: 'water' },
  { coolantSupplyC: 15 },
];

/** Codes a call may emit at another severity than the registry's default (none today). */
const SEVERITY_MAY_VARY: ReadonlySet<IssueCode> = new Set<IssueCode>();

/** Every issue the engines produce over the catalog, the three sites, both feed types and the example plans. */
function emittedIssues(): { where: string; issue: Issue }[] {
  const out: { where: string; issue: Issue }[] = [];
  const add = (where: string, issues: readonly Issue[]) => issues.forEach((issue) => out.push({ where, issue }));
  for (const g of catalog.generations) {
    for (const site of dataCenters) {
      const dc = site.roles.dataCenter!;
      const floor = pick(dc.floorLimitKgM2, 'typical');
      for (const feeds of FEEDS) {
        const options = { feeds, altitudeM: pickSourced(dc.altitudeM, 'typical'), ...(floor !== null ? { floorLimitKgM2: floor } : {}) };
        add(`unit ${g.id} at ${site.id}, ${feeds}`, evaluateUnit(g, options, catalog).issues);
      }
    }
    // Option sets that push each check past its limit, so the sweep reaches the power, cooling and space codes too.
    for (const stress of STRESS_OPTIONS) add(`unit ${g.id} ${JSON.stringify(stress)}`, evaluateUnit(g, stress, catalog).issues);
    for (const units of [1, 3, 64]) {
      const r = evaluateCluster(g, network, { units });
      add(`cluster ${g.id} × ${units}`, r.ok ? r.value.issues : [r.error]);
    }
  }
  const ids = catalog.generations.map((g) => g.id);
  for (const site of dataCenters) {
    add(`compare at ${site.id}`, compareAccelerators([...ids, 'no-such-generation'], { metric: 'pflops', precision: 'fp4', value: 100 }, site.id, catalog, sites).options.flatMap((o) => o.issues));
    for (const g of ids) add(`fit ${g} at ${site.id}`, fitUnits({ generation: g, site: site.id }, catalog, sites).issues);
  }
  for (const { name, plan } of plans) add(`plan ${name}`, evaluatePlan(plan, catalog, sites).issues);
  return out;
}

describe('issue-code registry', () => {
  it('every entry has a snake_case code, a severity, a title and a fix', () => {
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      expect(code, code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/);
      expect(['error', 'warning', 'info'], code).toContain(info.severity);
      expect(info.title, code).toMatch(/^[A-Z].{10,}[^.]$/); // a sentence without a closing full stop
      expect(info.fix, code).toMatch(/^[A-Z-].{10,}[^.]$/);
    }
  });

  it('looks codes up safely for issues read back from JSON', () => {
    expect(isIssueCode('ab_failover_insufficient')).toBe(true);
    expect(isIssueCode('toString')).toBe(false);
    expect(issueCodeInfo('no_such_code')).toBeUndefined();
    expect(issueCodeInfo('ab_failover_insufficient')?.severity).toBe('error');
  });

  const emitted = emittedIssues();

  it('every code the engines emit over generations × sites × feeds and the example plans is registered, at its severity', () => {
    const unknown = emitted.filter((e) => !isIssueCode(e.issue.code)).map((e) => `${e.where}: ${e.issue.code}`);
    expect(unknown).toEqual([]);
    const offSeverity = emitted
      .filter((e) => isIssueCode(e.issue.code) && !SEVERITY_MAY_VARY.has(e.issue.code) && ISSUE_CODES[e.issue.code].severity !== e.issue.severity)
      .map((e) => `${e.where}: ${e.issue.code} is ${e.issue.severity}, registry says ${ISSUE_CODES[e.issue.code].severity}`);
    expect(offSeverity).toEqual([]);
    // The sweep is meant to exercise the engines, not to pass on an empty list.
    expect(new Set(emitted.map((e) => e.issue.code)).size).toBeGreaterThan(10);
  });

  it('every code written in the source is registered, and every registered code is written somewhere in the source', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
    // src/schema speaks zod's own issue codes ('custom', 'unrecognized_keys'), which are not ours.
    const sources = [...files('src'), ...files('components')].filter((f) => !f.endsWith(join('core', 'issue-codes.ts')) && !f.startsWith(join('src', 'schema')));
    const written = new Set<string>();
    const registryText = readFileSync('src/core/issue-codes.ts', 'utf8');
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      // issue('code', …), { code: 'code' } outside zod's custom issues, and comparisons i.code === 'code'
      for (const m of text.matchAll(/\bissue\(\s*'([a-z0-9_]+)'|\bcode: '([a-z0-9_]+)'|(typeof\s+)?[\w$]+\.code\s*[!=]==\s*'([a-z0-9_]+)'/g)) {
        if (!m[3]) written.add(m[1] ?? m[2] ?? m[4]!); // typeof x.code === 'string' is a type test, not a code
      }
      // codes listed in sets and arrays of codes, e.g. INPUT_CODES
      for (const key of Object.keys(ISSUE_CODES)) if (text.includes(`'${key}'`)) written.add(key);
    }
    expect([...written].filter((c) => !isIssueCode(c))).toEqual([]);
    expect(Object.keys(ISSUE_CODES).filter((c) => !written.has(c))).toEqual([]);
    expect(registryText).toContain('as const satisfies Record<string, IssueCodeInfo>');
  });
});

/** The README's issue-code table, generated from the registry (UPDATE_README=1 rewrites it). */
function readmeTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = Object.entries(ISSUE_CODES).map(([code, i]) => `| \`${code}\` | ${i.severity} | ${cell(i.title)} | ${cell(i.fix)} |`);
  return ['| code | severity | what it means | what would fix it |', '|---|---|---|---|', ...rows].join('\n');
}

describe('README issue codes', () => {
  it('the codes listed in docs/*.md tables are registered, at the registry severity', () => {
    const listed = readdirSync('docs')
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => [...readFileSync(join('docs', f), 'utf8').matchAll(/^\| `([a-z0-9_]+)` \| (error|warning|info) \|/gm)].map((m) => ({ f, code: m[1]!, severity: m[2]! })));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((l) => !isIssueCode(l.code) || ISSUE_CODES[l.code].severity !== l.severity).map((l) => `${l.f}: ${l.code} ${l.severity}`)).toEqual([]);
  });


  const START = '<!-- issue-codes:start (generated from src/core/issue-codes.ts by test/core/issue-codes.test.ts; UPDATE_README=1 rewrites it) -->';
  const END = '<!-- issue-codes:end -->';

  it('the table is the registry', () => {
    const readme = readFileSync('README.md', 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    expect(a, 'README.md has the issue-codes markers').toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    const generated = `${START}\n${readmeTable()}\n${END}`;
    const current = readme.slice(a, b + END.length);
    if (current !== generated && process.env.UPDATE_README === '1') writeFileSync('README.md', readme.slice(0, a) + generated + readme.slice(b + END.length));
    else expect(current).toBe(generated);
  });
});

describe('the registry where issues are printed (CLI)', () => {
  const ab = issue('ab_failover_insufficient', 'error', ['power', 'feeds'], 'on loss of one feed, 4 of 8 shelves remain (132 kW) for a 135 kW load', { limit: 132, actual: 135, unit: 'kW' });
  const note = issue('oob_cdus_not_counted', 'info', ['oob', 'ports'], 'CDU management ports are not counted; pass --cdus N');

  it('issue lines: severity, code, title — message, then the fix (or, for a note, its meaning)', () => {
    expect(issueLines([ab, note])).toEqual([
      '  error   ab_failover_insufficient: The surviving A/B side cannot carry the load — on loss of one feed, 4 of 8 shelves remain (132 kW) for a 135 kW load',
      '          Fix: Add a shelf or PSU per side, cap the rack power to what one side carries, or run a single feed with N+1 PSUs',
      '  info    oob_cdus_not_counted: CDU management ports are not counted — CDU management ports are not counted; pass --cdus N',
      '          Note: Pass --cdus N to count them',
    ]);
  });

  it('a repeated code gets its fix once', () => {
    const lines = issueLines([ab, note, ab]);
    expect(lines.filter((l) => l.includes('Fix:'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^ {2}error {3}ab_failover_insufficient: The surviving A\/B side/);
  });

  it('--json keeps every field and adds title and fix to issues wherever they sit; other values are shared, not copied', () => {
    const figures = { itKw: 135 };
    const report = { figures, issues: [ab], nested: [{ issues: [note] }] };
    const json = withIssueTitles(report) as typeof report & { issues: (Issue & { title: string; fix: string })[] };
    expect(json.issues[0]).toEqual({ ...ab, title: ISSUE_CODES.ab_failover_insufficient.title, fix: ISSUE_CODES.ab_failover_insufficient.fix });
    expect((json.nested[0]!.issues[0] as unknown as { title: string }).title).toBe(ISSUE_CODES.oob_cdus_not_counted.title);
    expect(json.figures).toBe(figures);
    expect(report.issues[0]).not.toHaveProperty('title'); // the engine's report is not changed
    expect(withIssueTitles(figures)).toBe(figures);
  });
});
