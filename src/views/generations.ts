/**
 * The generation picker's groups: by vendor and accelerator family (GPU, Trainium, Inferentia), in catalog order.
 * @module
 */
import type { Catalog, Family, Generation, Vendor } from '../core/catalog/types';
import { bundledGenerationNames } from '../catalog/presets';
import { shortGenerationName } from './names';

export const VENDOR_LABEL: Record<Vendor, string> = { nvidia: 'NVIDIA', aws: 'AWS', amd: 'AMD' };
export const FAMILY_LABEL: Record<Family, string> = { gpu: 'GPU', trainium: 'Trainium', inferentia: 'Inferentia' };

export interface GenerationGroup {
  readonly label: string;
  readonly vendor: Vendor;
  readonly family: Family;
  readonly generations: readonly GenerationEntry[];
}

export interface GenerationEntry {
  readonly id: string;
  readonly name: string;
  readonly detail: string;
  /** The user's own generation (a file, a plan's embedded one, the editor). */
  readonly userDefined: boolean;
}

/** The picker's group of the user's own generations (after the catalog's groups). */
export const USER_GROUP_LABEL = 'Your generations (user-defined)';

const FAMILY_ORDER: readonly Family[] = ['gpu', 'trainium', 'inferentia'];

/** A short description of a unit for lists: "72 × B200 · 1 rack · 2024-Q4". */
export function generationDetail(g: Generation): string {
  // Systems in one unit as the engine counts them: systems per rack × racks for server racks; one system otherwise
  // (a multi-rack UltraServer is one system over its racks, so its counts are not multiplied by the racks).
  const systems = g.systemsPerRack ? g.systemsPerRack.default * g.racks : 1;
  const acc = g.components.reduce((s, c) => s + c.accelerators * c.count * (c.scope === 'system' ? systems : 1), 0);
  return `${acc} × ${g.accelerator.model} · ${g.racks} rack${g.racks === 1 ? '' : 's'} · ${g.availability.date}`;
}

export function generationGroups(catalog: Catalog): GenerationGroup[] {
  const groups = new Map<string, GenerationGroup & { generations: GenerationEntry[] }>();
  const user: GenerationEntry[] = [];
  const sorted = [...catalog.generations].sort((a, b) => FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family));
  for (const g of sorted) {
    if (g.userDefined) {
      user.push({ id: g.id, name: g.name, detail: generationDetail(g), userDefined: true });
      continue;
    }
    const key = `${g.vendor}/${g.family}`;
    let group = groups.get(key);
    if (!group) {
      group = { label: `${VENDOR_LABEL[g.vendor]} ${FAMILY_LABEL[g.family]}`, vendor: g.vendor, family: g.family, generations: [] };
      groups.set(key, group);
    }
    group.generations.push({ id: g.id, name: g.name, detail: generationDetail(g), userDefined: false });
  }
  const first = sorted[0];
  return user.length && first ? [...groups.values(), { label: USER_GROUP_LABEL, vendor: first.vendor, family: first.family, generations: user }] : [...groups.values()];
}

/** A generation's short name where plans list it (grid rows, chart legends), marked when it is the user's own. */
export function planGenerationName(g: ListedGeneration): string {
  return `${shortGenerationName(g.name)}${g.userDefined ? ' (user-defined)' : ''}`;
}

/** A generation as lists name it: what {@link listedGenerations} gives for each. */
export type ListedGeneration = Pick<Generation, 'id' | 'name' | 'userDefined'>;

/**
 * Every generation the catalog will hold once it is whole, in its order, by id and name: the bundled ones (named
 * from the build's index while their data may still be loading: a deep link's first paint holds only the
 * generations it computes with) and then the catalog's own others (the user's). Lists and orders only; anything
 * computed from a generation reads the catalog. With the whole catalog this is its generations, in its order.
 */
export function listedGenerations(catalog: Pick<Catalog, 'generations'>): readonly ListedGeneration[] {
  const bundled = bundledGenerationNames();
  const inCatalog = new Map(catalog.generations.map((g) => [g.id, g]));
  const ids = new Set(bundled.map((g) => g.id));
  return [...bundled.map((b) => inCatalog.get(b.id) ?? { id: b.id, name: b.name }), ...catalog.generations.filter((g) => !ids.has(g.id))];
}
