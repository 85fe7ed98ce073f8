import { loadCatalog } from '../../catalog/presets';
import { FlagReader, parseFlags } from '../args';
import { jsonResult, textTable, type Command } from '../output';

export const presetsCommand: Command = {
  summary: 'list the catalog: generations, sites, switches, optics, PSUs, CDUs, coolants',
  usage: 'rackplan presets [--json]',
  run(argv) {
    const flags = new FlagReader(parseFlags(argv, {}, 'presets'));
    flags.done();
    const c = loadCatalog();
    const json = {
      catalogVersion: c.version,
      generations: c.generations.map((g) => ({ id: g.id, name: g.name, vendor: g.vendor, family: g.family, form: g.form, racks: g.racks, aliases: g.aliases, availability: g.availability.date })),
      sites: [] as unknown[],
      switches: [] as unknown[],
      optics: [] as unknown[],
      psus: c.psus.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      cdus: c.cdus.map((d) => ({ id: d.id, name: d.name, placement: d.placement })),
      coolants: c.coolants.map((k) => ({ id: k.id, name: k.name })),
    };
    if (flags.bool('json')) return jsonResult(json);
    const text = [
      `catalog ${c.version}`,
      '',
      textTable(['id', 'name', 'vendor', 'family', 'racks', 'available'], json.generations.map((g) => [g.id, g.name, g.vendor, g.family, g.racks, g.availability])),
      '',
      `PSUs: ${json.psus.map((p) => p.id).join(', ') || '(none)'}`,
      `CDUs: ${json.cdus.map((p) => p.id).join(', ') || '(none)'}`,
      `coolants: ${json.coolants.map((p) => p.id).join(', ') || '(none)'}`,
    ].join('\n');
    return { text };
  },
};
