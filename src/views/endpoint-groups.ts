/**
 * The Fabric view's appliance-ports field, read by the design schema's own rules (so the field and the store
 * agree). Apart from src/views/fabric-view.ts so the reports every view loads do not bring zod with them.
 * @module
 */
import { EndpointGroupsSchema } from '../schema/design';
import { err, ok, type Result } from '../core/result';
import type { FabricDesign } from '../state/types';

type EndpointGroups = NonNullable<FabricDesign['extraEndpoints']>;

/**
 * Appliance ports as typed: `20` (one group named `appliance`, as `rackplan fabric --extra-endpoints 20`),
 * `ufm=4, storage=16`, or empty (none). Checked by the design schema's own rules, so the field and the store agree.
 */
export function parseEndpointGroups(text: string): Result<EndpointGroups | undefined, string> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  let groups: { name: string; ports: number }[];
  if (/^\d+$/.test(t)) groups = [{ name: 'appliance', ports: Number(t) }];
  else {
    groups = [];
    for (const part of t.split(',')) {
      const m = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(part);
      if (!m) return err(`name=ports, … (e.g. ufm=4, storage=16) or a number of ports (got "${part.trim()}")`);
      groups.push({ name: m[1]!, ports: Number(m[2]) });
    }
  }
  const r = EndpointGroupsSchema.safeParse(groups);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const at = typeof i.path[0] === 'number' ? `${groups[i.path[0]]?.name ?? ''}: ` : '';
    return err(`${at}${i.message}`);
  }
  return ok(r.data);
}

