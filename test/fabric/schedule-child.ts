/**
 * Bench child (built by test/bench/cases/fabric.bench.ts, run as its own node process so peak RSS is the
 * schedule's, not the bench runner's): writes the cable schedule for 131,072 GPUs in GB300 NVL72 racks on
 * 144-port Quantum-X800-class switches, then the same number of bytes with no logic, and prints JSON.
 */
import { createWriteStream } from 'node:fs';
import { sizeFabric } from '../../src/core/fabric/fat-tree';
import { CablingTally, planCabling } from '../../src/core/fabric/cabling';
import { loadNetworkCatalog } from '../../src/catalog/network';
import { writeSchedule } from '../../src/cli/commands/cables';

async function rawWrite(path: string, bytes: number, chunk: string): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const size = Buffer.byteLength(chunk);
  for (let written = 0; written < bytes; written += size) {
    const piece = written + size <= bytes ? chunk : chunk.slice(0, bytes - written);
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function main(): Promise<void> {
  const [schedulePath, rawPath, nodesArg] = process.argv.slice(2) as [string, string, string | undefined];
  const nodes = nodesArg ? Number(nodesArg) : 32_768; // growth runs pass smaller clusters
  const cat = loadNetworkCatalog();
  const t0 = performance.now();
  // 131,072 GPUs = 32,768 GB300 compute trays (4 GPUs, 4 ConnectX-8 800G rails each), 18 trays per rack.
  const fabric = sizeFabric({ nodes, rails: 4, radix: 144, portGbps: 800, suNodes: 72 });
  const plan = planCabling(
    { fabric, nodesPerRack: 18, nodeHeightU: 1, nodeBaseU: 10, switchHeightU: 4, laneGbps: 200, switchLinksPerModule: 2, nodeLinksPerModule: 1 },
    { racksPerRow: 20 },
  );
  const tally = new CablingTally();
  const { rows, bytes } = await writeSchedule(plan, cat, schedulePath, tally);
  const summary = tally.result();
  const ms = performance.now() - t0;
  const chunk = 'C0000001,node-leaf,C1,node1,nic1,NR1,leaf-1,1,smf,generic-800g-dr4,30,node1:nic1>leaf-1:1\n'.repeat(512);
  const r0 = performance.now();
  await rawWrite(rawPath, bytes, chunk);
  const rawMs = performance.now() - r0;
  process.stdout.write(
    JSON.stringify({ ms, rawMs, rows, links: fabric.links.total, tallied: summary.links, bytes, maxRssKb: process.resourceUsage().maxRSS, networkRacks: plan.networkRacks, tiers: fabric.tiers }),
  );
}

void main();
