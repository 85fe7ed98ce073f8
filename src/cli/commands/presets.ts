import { loadCatalog } from '../../catalog/presets';
import { loadNetworkCatalog } from '../../catalog/network';
import { FlagReader, parseFlags } from '../args';
import { jsonResult, textTable, type Command } from '../output';

export const presetsCommand: Command = {
  summary: 'list the catalog: generations, sites, switches, optics, PSUs, CDUs, coolants',
  usage: 'rackplan presets [--json]',
  run(argv) {
    const parsed = parseFlags(argv, {}, 'presets');
    const flags = new FlagReader(parsed);
    if (parsed.positionals.length) flags.problem('arguments', 'none (rackplan presets lists the whole catalog)', parsed.positionals.join(' '));
    flags.done();
    const c = loadCatalog();
    const json = {
      catalogVersion: c.version,
      generations: c.generations.map((g) => ({ id: g.id, name: g.name, vendor: g.vendor, family: g.family, form: g.form, racks: g.racks, aliases: g.aliases, availability: g.availability.date })),
      sites: Object.values(import.meta.glob<{ id: string; name: string; state: string; roles: { plant: unknown; dataCenter: unknown } }>('/presets/sites/*.json', { eager: true, import: 'default' })).map((s) => ({ id: s.id, name: s.name, state: s.state, roles: [...(s.roles.plant ? ['plant'] : []), ...(s.roles.dataCenter ? ['dataCenter'] : [])] })).sort((a, b) => a.id.localeCompare(b.id)),
      switches: loadNetworkCatalog().switches.map((s) => ({ id: s.id, name: s.name, vendor: s.vendor, protocol: s.protocol, roles: s.roles, ports: s.cages * s.portsPerCage, portGbps: 'value' in s.portGbps ? s.portGbps.value : s.portGbps.typical, laneGbps: s.laneGbps, heightU: 'value' in s.heightU ? s.heightU.value : s.heightU.typical })),
      optics: [...loadNetworkCatalog().transceivers.map((t) => ({ id: t.id, name: t.name, kind: 'transceiver', partNumber: t.partNumber, linkGbps: t.linkGbps, linksPerModule: t.linksPerModule, laneGbps: t.laneGbps, fiber: t.fiber })), ...loadNetworkCatalog().cables.map((c) => ({ id: c.id, name: c.name, kind: c.kind, partNumber: c.partNumber, linkGbps: null, linksPerModule: null, laneGbps: c.laneGbps, fiber: null }))],
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
