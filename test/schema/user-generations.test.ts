/**
 * A user's own generation: the worked example in docs/examples evaluates through `rackplan rack --generation-file`
 * exactly as through the engine with the catalog extended; bad files exit 2 naming the field; presets never carry
 * confidence "user".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/catalog/presets';
import { evaluateUnit } from '../../src/core/rack/evaluate';
import { readUserGenerations } from '../../src/schema/user-generations';
import { validateCatalogFiles } from '../../src/schema/preset-files';
import { runCli } from '../../src/cli/main';
import { cliJson } from '../helpers/cli';
import { withIssueTitles } from '../../src/cli/output';

const EXAMPLE = 'docs/examples/oem-8x-h200-6u.json';
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

async function run(...argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t) });
  return { code, stderr: err.join('\n') };
}

describe('user generations', () => {
  it('the worked example validates, joins the catalog marked userDefined, and the CLI evaluates it as the engine does', async () => {
    const catalog = loadCatalog();
    const r = readUserGenerations(example, catalog, 'example');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.generations[0]!.userDefined).toBe(true);
    const extended = r.value.catalog;
    const direct = evaluateUnit(r.value.generations[0]!, {}, extended);
    const viaCli = await cliJson('rack', '--generation-file', EXAMPLE, '--json');
    expect(viaCli.userDefined).toBe(true);
    const { userDefined: _u, ...rest } = viaCli;
    expect(rest).toEqual(JSON.parse(JSON.stringify(withIssueTitles(direct))));
    // The user's values are listed as such among the assumptions.
    expect(direct.assumptions.some((a) => a.confidence === 'user' && a.path.endsWith('maxPowerW'))).toBe(true);
  });

  it('a bundle of several generations picks one by id, and its PSUs join the catalog', () => {
    const second = { ...example, id: 'oem-8x-h200-6u-b', name: 'Second example', power: { ...(example.power as object), psuId: 'my-psu' } };
    const psu = loadCatalog().psus.find((p) => p.id === 'nvidia-dgx-3300w-psu')!;
    const r = readUserGenerations({ schemaVersion: 1, generations: [example, second], psus: [{ ...psu, id: 'my-psu', name: 'My PSU' }] }, loadCatalog(), 'bundle');
    expect(r.ok).toBe(true);
  });

  it('bad files exit 2 naming the file, the field and what is accepted', async () => {
    const clash = await run('rack', '--generation-file', 'presets/generations/dgx-h100.json');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--generation-file presets\/generations\/dgx-h100\.json: id: an id or alias not already used \(the catalog's dgx-h100 uses it\)/);
    const r = readUserGenerations({ ...example, power: { ...(example.power as object), psuId: 'nope' }, racks: 0 }, loadCatalog(), 'f');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.path)).toContain('f: racks');
    const missing = await run('rack', '--generation-file', 'no/such/file.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--generation-file/);
  });

  it('a preset marked "user" fails validation, naming the file and the value', () => {
    const g = JSON.parse(readFileSync('presets/generations/dgx-h200.json', 'utf8'));
    g.accelerator.tdpW = { value: 700, unit: 'W', confidence: 'user', sources: [] };
    const read = (p: string) => [p, JSON.parse(readFileSync(p.slice(1), 'utf8'))] as const;
    const r = validateCatalogFiles({
      generations: { '/presets/generations/dgx-h200.json': g },
      psus: read('/presets/components/psus.json'), cdus: read('/presets/components/cdus.json'), coolants: read('/presets/components/coolants.json'), prices: read('/presets/prices.json'),
    });
    expect(r.problems.join('\n')).toMatch(/dgx-h200\.json: accelerator\.tdpW\.confidence: a preset value needs a source class/);
  });
});
