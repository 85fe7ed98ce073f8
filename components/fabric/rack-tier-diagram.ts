import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ClusterPorts } from '../../src/core/fabric/cluster';
import type { FabricResult } from '../../src/core/fabric/fat-tree';
import { formatNumber } from '../../src/views/format';
import { baseStyles } from '../shared/styles';

interface Tier {
  readonly name: string;
  readonly count: number;
  readonly detail: string;
  /** Links and cables from the tier below into this one. */
  readonly linksIn: number | null;
  readonly cablesIn: number | null;
  readonly kind: 'switch' | 'node';
}

const W = 640;
const ROW = 74;
const MAX_BOXES = 36;

/**
 * The scale-out fabric as tiers: nodes, leaf, spine and core switches with their counts, ports and the links and
 * cables between tiers (Lit SVG).
 *
 * @summary Fabric tier diagram.
 * @csspart drawing - the SVG
 */
@customElement('rack-tier-diagram')
export class RackTierDiagram extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      svg {
        width: 100%;
        height: auto;
        display: block;
      }
      .box.switch {
        fill: var(--rack-k-switch);
      }
      .box.node {
        fill: var(--rack-k-compute);
      }
      .name {
        font-size: 12px;
        font-weight: 700;
        fill: var(--rack-text);
      }
      .detail,
      .more {
        font-size: 10px;
        fill: var(--rack-muted);
      }
      .links {
        stroke: var(--rack-border-strong);
        stroke-width: 1;
      }
      .linkText {
        font-size: 10px;
        fill: var(--rack-text);
      }
    `,
  ];

  @property({ attribute: false }) fabric: FabricResult | undefined;

  @property({ attribute: false }) ports: ClusterPorts | undefined;

  #tiers: Tier[] = [];
  #label = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (!(changed.has('fabric') || changed.has('ports')) || !this.fabric || !this.ports) return;
    const f = this.fabric;
    const p = this.ports;
    const tiers: Tier[] = [];
    const detail = (name: 'leaf' | 'spine' | 'core') => {
      const t = f.tierDetail.find((x) => x.tier === name);
      return t ? `${t.downlinksPerSwitch} down / ${t.uplinksPerSwitch} up of ${t.radix} ports${t.portsFree ? ` · ${formatNumber(t.portsFree, 0)} free` : ''}` : '';
    };
    if (f.tiers >= 3) tiers.push({ name: 'Core', count: f.switches.core, detail: detail('core'), linksIn: f.links.spineCore, cablesIn: f.cables.spineCore, kind: 'switch' });
    if (f.tiers >= 2) tiers.push({ name: 'Spine', count: f.switches.spine, detail: detail('spine'), linksIn: f.links.leafSpine, cablesIn: f.cables.leafSpine, kind: 'switch' });
    if (f.tiers >= 1) tiers.push({ name: 'Leaf', count: f.switches.leaf, detail: detail('leaf'), linksIn: f.links.nodeLeaf, cablesIn: f.cables.nodeLeaf, kind: 'switch' });
    tiers.push({ name: 'Nodes', count: p.nodes, detail: `${p.rails} rails × ${p.scaleOutGbps}G each · ${formatNumber(p.accelerators, 0)} accelerators`, linksIn: null, cablesIn: null, kind: 'node' });
    this.#tiers = tiers;
    this.#label = `Scale-out fabric, ${f.tiers} tier${f.tiers === 1 ? '' : 's'}: ${tiers.map((t) => `${formatNumber(t.count, 0)} ${t.name.toLowerCase()}`).join(', ')}; ${formatNumber(f.links.total, 0)} links over ${formatNumber(f.cables.total, 0)} cables`;
  }

  override render() {
    if (!this.fabric || !this.ports) return nothing;
    const h = this.#tiers.length * ROW + 8;
    return html`<svg part="drawing" viewBox=${`0 0 ${W} ${h}`} role="img" aria-label=${this.#label}>
      ${this.#tiers.map((t, i) => {
        const y = i * ROW + 22;
        const shown = Math.min(t.count, MAX_BOXES);
        const bw = Math.min(12, (W - 250) / Math.max(1, shown) - 2); // room after the boxes for "+N more"
        const boxes = Array.from({ length: shown }, (_, k) => svg`<rect class=${`box ${t.kind}`} x=${150 + k * (bw + 2)} y=${y} width=${bw} height="16" rx="2"></rect>`);
        const below = this.#tiers[i + 1];
        return svg`
          <text class="name" x="4" y=${y + 12}>${t.name}</text>
          <text class="detail" x="4" y=${y + 26}>${formatNumber(t.count, 0)}${t.kind === 'switch' ? ' switches' : ' nodes'}</text>
          ${boxes}
          ${t.count > shown ? svg`<text class="more" x=${150 + shown * (bw + 2) + 4} y=${y + 12}>+${formatNumber(t.count - shown, 0)} more</text>` : nothing}
          <text class="detail" x="150" y=${y - 4}>${t.detail}</text>
          ${below && t.linksIn !== null
            ? svg`<line class="links" x1="300" x2="300" y1=${y + 18} y2=${y + ROW - 14}></line>
                <text class="linkText" x="308" y=${y + ROW / 2 + 6}>${formatNumber(t.linksIn, 0)} links · ${formatNumber(t.cablesIn ?? 0, 0)} cables</text>`
            : nothing}
        `;
      })}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rack-tier-diagram': RackTierDiagram;
  }
}
