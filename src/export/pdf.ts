/**
 * PDF design-review report with jsPDF (loaded lazily). Input is a plain {@link PdfReport}: summary figures,
 * tables, rack elevation drawings, bar charts, assumptions and sources. Output: US Letter landscape pages,
 * each with a running title and "Page i of n". Text is drawn as text (nothing is interpreted) in an embedded subset
 * of DejaVu Sans (src/export/fonts), so ≈ ρ Δ ° ² ³ µ ≤ ≥ → − × print as themselves; a character outside the subset
 * is replaced by a stated fallback ({@link pdfText}), never by a silent "?".
 * @module
 */
import type { jsPDF } from 'jspdf';
import { formatNumber } from '../units/format-number';
import { PDF_FONT_FAMILY, loadPdfFontFaces, pdfFontCovers } from './fonts';
import { plainValue, type CellValue, type Table } from './table';

export interface ElevationItem {
  /** Lowest U the item occupies (1 = bottom). */
  readonly fromU: number;
  readonly heightU: number;
  readonly label: string;
  readonly kind: 'compute' | 'switch' | 'power' | 'cooling' | 'management' | 'storage' | 'other';
}

export interface RackElevation {
  readonly title: string;
  readonly heightU: number;
  readonly items: readonly ElevationItem[];
  readonly caption?: string;
}

export interface BarChart {
  readonly title: string;
  readonly unit: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/** One stage of a one-line power diagram: what enters it, and what it loses or hands off before the next stage. */
export interface PowerDiagramStage {
  readonly label: string;
  /** Power entering the stage, formatted ("152.1 kW"). */
  readonly value: string;
  /** Loss in the stage ("loss 3.1 kW · η 98 %"), if any. */
  readonly loss?: string;
  /** Power leaving the chain after this stage ("Cooling plant 23.4 kW"). */
  readonly branches?: readonly string[];
}

/** A one-line diagram, utility (or rack input) first, drawn left to right as boxes joined by arrows. */
export interface PowerDiagram {
  readonly title: string;
  readonly stages: readonly PowerDiagramStage[];
  /** Under the diagram: where the figures come from. */
  readonly note?: string;
}

/** A pass/near/fail line: a check, its verdict word and what it rests on. */
export interface PdfCheck {
  readonly label: string;
  readonly verdict: 'pass' | 'near' | 'fail';
  readonly detail: string;
}

/** The headline of one deployable unit (the designer's summary figures): per unit and for the count deployed. */
export interface UnitSheet {
  readonly title: string;
  readonly subtitle: string;
  readonly figures: readonly { readonly label: string; readonly perUnit: string; readonly total: string }[];
  /** Header of the `total` column ("For 120 units"). */
  readonly totalLabel: string;
  readonly checks: readonly PdfCheck[];
  /** The first thing to fix, when a check does not pass. */
  readonly firstFix?: string;
  readonly diagram?: PowerDiagram;
}

export interface PdfReport {
  readonly title: string;
  readonly subtitle: string;
  /** Key figures for the first page. */
  readonly summary: readonly { readonly label: string; readonly value: string }[];
  /** Lines under the summary on the first page (sites, top issues with their fix); cut to what fits on it. */
  readonly findings: readonly string[];
  /** The one-line power diagram at the foot of the first page. */
  readonly diagram?: PowerDiagram;
  /** Where the reader finds what page 1 could not hold ("Every issue: the Issues table"). */
  readonly findingsMore?: string;
  /** One summary per deployable unit, after the first page. */
  readonly units?: readonly UnitSheet[];
  readonly tables: readonly Table[];
  readonly elevations: readonly RackElevation[];
  readonly charts: readonly BarChart[];
  /** The assumptions-and-sources table, printed last. */
  readonly assumptions: Table;
  /** Creation date (ISO string); absent: the time of writing. A fixed one makes the bytes reproducible (tests). */
  readonly createdAt?: string;
  /** Rows printed per table before "… n more rows (see the CSV/XLSX export)". */
  readonly maxRowsPerTable?: number;
}

const FONT = PDF_FONT_FAMILY;
const PAGE_W = 792;
const PAGE_H = 612;
const M = 36;
const FOOTER_Y = PAGE_H - 18;
const BODY_TOP = 54;
const BODY_BOTTOM = PAGE_H - 36;

const KIND_COLOR: Record<ElevationItem['kind'], [number, number, number]> = {
  compute: [88, 140, 200],
  switch: [120, 180, 110],
  power: [230, 160, 60],
  cooling: [90, 190, 200],
  management: [170, 170, 170],
  storage: [160, 120, 190],
  other: [210, 210, 210],
};
const VERDICT_COLOR: Record<PdfCheck['verdict'], [number, number, number]> = { pass: [46, 125, 50], near: [176, 110, 0], fail: [183, 28, 28] };
const DIAGRAM_BOX_H = 52;
const SERIES_COLOR: [number, number, number][] = [
  [52, 101, 164],
  [204, 102, 51],
  [78, 154, 6],
  [117, 80, 123],
  [193, 125, 17],
  [85, 87, 83],
];

/** What a character outside the embedded font prints as, when neither Unicode compatibility form is in the font. */
export const PDF_MISSING_CHARACTER = '[?]';

/** Common characters outside the subset, spelled with ones inside it. */
const FALLBACKS: Record<string, string> = {
  '€': 'EUR', '✔': '✓', '✘': '✗', '☑': '✓', '☒': '✗', '■': '-', '●': '-', '▪': '-', '◆': '-', '★': '*', '☆': '*',
  '⚠': '(!)',
};

const covered = (text: string) => [...text].every((ch) => pdfFontCovers(ch.codePointAt(0)!));

/**
 * Text as the PDF's font can draw it: control characters become spaces; a character outside the embedded subset
 * becomes its Unicode compatibility form (ﬁ → fi, ① → 1), else its base letter without accents (ǎ → a), else a
 * listed spelling (€ → EUR), else {@link PDF_MISSING_CHARACTER}, so a missing glyph is visible, not a silent "?".
 */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (pdfFontCovers(code)) out += ch;
    else out += fallback(ch);
  }
  return out;
}

function fallback(ch: string): string {
  const listed = FALLBACKS[ch];
  if (listed !== undefined) return listed;
  const compatible = ch.normalize('NFKC');
  if (compatible !== ch && covered(compatible)) return compatible;
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  if (base && base !== ch && covered(base)) return base;
  return PDF_MISSING_CHARACTER;
}

function cellText(v: CellValue, format?: string): string {
  const p = plainValue(v);
  if (p === null) return '';
  // A value that rounds to zero prints as 0, never "-0" (a tiny negative from a difference of floats).
  if (typeof p === 'number') return (format === '0' ? String(Math.round(p)) : formatNumber(p)).replace(/^-(?=0(?:\.0+)?$)/, '');
  if (typeof p === 'boolean') return p ? 'yes' : 'no';
  return p;
}

/** Axis bounds on round numbers (1, 2 or 5 × 10^n steps, about five ticks). */
export function niceScale(lo: number, hi: number): { min: number; max: number; step: number } {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step || step, step };
}

class Writer {
  y = BODY_TOP;
  constructor(readonly doc: jsPDF, readonly title: string) {}

  newPage(): void {
    this.doc.addPage('letter', 'landscape');
    this.y = BODY_TOP;
  }

  ensure(height: number): void {
    if (this.y + height > BODY_BOTTOM) this.newPage();
  }

  heading(text: string, size = 14): void {
    this.ensure(size + 16);
    this.doc.setFont(FONT, 'bold');
    this.doc.setFontSize(size);
    this.doc.setTextColor(20, 30, 45);
    this.doc.text(pdfText(text), M, this.y + size);
    this.y += size + 10;
  }

  paragraph(text: string, size = 9.5): void {
    this.doc.setFont(FONT, 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(30, 30, 30);
    const lines = this.doc.splitTextToSize(pdfText(text), PAGE_W - 2 * M) as string[];
    for (const line of lines) {
      this.ensure(size + 3);
      this.doc.text(line, M, this.y + size);
      this.y += size + 3;
    }
    this.y += 4;
  }

  /** Character widths by font, style and size (jsPDF measures every call from scratch, Arabic shaping pass included). */
  readonly #widths = new Map<string, Map<string, number>>();

  /**
   * Width of already-reduced text in the current font, from per-character advances: jsPDF's own width of an
   * embedded font is the sum of the glyph advances (no kerning), so this is the same number, measured once per character.
   */
  width(text: string): number {
    const f = this.doc.getFont();
    const key = `${f.fontName}/${f.fontStyle}/${this.doc.getFontSize()}`;
    let m = this.#widths.get(key);
    if (!m) this.#widths.set(key, (m = new Map<string, number>()));
    let w = 0;
    for (const ch of text) {
      let cw = m.get(ch);
      if (cw === undefined) m.set(ch, (cw = this.doc.getTextWidth(ch)));
      w += cw;
    }
    return w;
  }

  /** The text, cut with "..." to fit `width`. */
  fit(text: string, width: number): string {
    const t = pdfText(text);
    if (this.width(t) <= width) return t;
    const room = width - this.width('...');
    let used = 0;
    let end = 0;
    for (const ch of t) {
      const cw = this.width(ch);
      if (used + cw > room) break;
      used += cw;
      end += ch.length;
    }
    return `${t.slice(0, end)}...`;
  }

  table(t: Table, maxRows: number): void {
    if (!t.rows.length) {
      this.paragraph(t.notes?.length ? `None. ${t.notes.join(' ')}` : 'None.', 8.5);
      return;
    }
    const size = t.columns.length > 10 ? 6.5 : 7.5;
    const rowH = size + 5;
    this.doc.setFontSize(size);
    const avail = PAGE_W - 2 * M;
    const rows = t.rows.slice(0, maxRows);
    // Column widths from content (header and a sample of rows), scaled to the page.
    // A header may wrap (up to three lines), so it asks only for its longest word; the cells ask for their full text.
    const natural = t.columns.map((c, j) => {
      this.doc.setFont(FONT, 'bold');
      let w = Math.max(...pdfText(c.label).split(/\s+/).map((word) => this.width(word)));
      this.doc.setFont(FONT, 'normal');
      for (const r of rows.slice(0, 60)) w = Math.max(w, this.width(pdfText(cellText(r[j] ?? null, c.format))));
      return Math.min(w + 8, avail * 0.35);
    });
    const sum = natural.reduce((a, b) => a + b, 0);
    const widths = natural.map((w) => (w * avail) / Math.max(sum, avail * 0.6));
    const numeric = t.columns.map((c) => c.kind !== 'text');
    // Headers wrap onto up to three lines in their column instead of being cut ("Peak build (racks/week)").
    this.doc.setFont(FONT, 'bold');
    const headLines = t.columns.map((c, j) => {
      const lines = this.doc.splitTextToSize(pdfText(c.label), widths[j]! - 4) as string[];
      return lines.length > 3 ? [...lines.slice(0, 2), this.fit(lines.slice(2).join(' '), widths[j]! - 4)] : lines;
    });
    this.doc.setFont(FONT, 'normal');
    const headH = rowH + (Math.max(1, ...headLines.map((l) => l.length)) - 1) * (size + 1);
    const header = () => {
      this.ensure(headH + rowH);
      this.doc.setFillColor(232, 238, 244);
      this.doc.rect(M, this.y, widths.reduce((a, b) => a + b, 0), headH, 'F');
      this.doc.setFont(FONT, 'bold');
      this.doc.setFontSize(size);
      this.doc.setTextColor(20, 30, 45);
      let x = M;
      t.columns.forEach((_c, j) => {
        const w = widths[j]!;
        headLines[j]!.forEach((line, k) => {
          this.doc.text(line, numeric[j] ? x + w - 2 : x + 2, this.y + size + 1 + k * (size + 1), numeric[j] ? { align: 'right' } : undefined);
        });
        x += w;
      });
      this.y += headH;
      this.doc.setFont(FONT, 'normal');
      this.doc.setTextColor(30, 30, 30);
    };
    header();
    rows.forEach((r, i) => {
      if (this.y + rowH > BODY_BOTTOM) {
        this.newPage();
        header();
      }
      if (i % 2 === 1) {
        this.doc.setFillColor(247, 249, 251);
        this.doc.rect(M, this.y, widths.reduce((a, b) => a + b, 0), rowH, 'F');
      }
      let x = M;
      t.columns.forEach((c, j) => {
        const w = widths[j]!;
        const s = this.fit(cellText(r[j] ?? null, c.format), w - 4);
        this.doc.text(s, numeric[j] ? x + w - 2 : x + 2, this.y + size + 1, numeric[j] ? { align: 'right' } : undefined);
        x += w;
      });
      this.y += rowH;
    });
    this.y += 4;
    const notes = [...(t.notes ?? [])];
    if (t.rows.length > rows.length) notes.unshift(`${formatNumber(t.rows.length - rows.length)} more rows not printed; the CSV and XLSX exports hold all ${formatNumber(t.rows.length)}.`);
    for (const n of notes) this.paragraph(n, 7.5);
    this.y += 6;
  }

  elevations(racks: readonly RackElevation[]): void {
    // Three racks across a page at up to 10 pt per U: item labels print at 7 pt, readable on paper.
    const perRow = Math.min(3, Math.max(1, racks.length));
    const colW = (PAGE_W - 2 * M) / perRow;
    const rackW = Math.min(200, colW - 40);
    // The legend on the heading's line, right-aligned (called right after the "Rack elevations" heading), so it
    // takes no height from the drawings and never lands alone on a page after them.
    const kinds = Object.entries(KIND_COLOR);
    let x = PAGE_W - M - kinds.length * 64;
    const ly = this.y - 20;
    this.doc.setFont(FONT, 'normal');
    this.doc.setFontSize(7);
    for (const [kind, color] of kinds) {
      this.doc.setFillColor(...color);
      this.doc.rect(x, ly, 8, 8, 'F');
      this.doc.setTextColor(40, 40, 40);
      this.doc.text(kind, x + 11, ly + 7);
      x += 64;
    }
    for (let start = 0; start < racks.length; start += perRow) {
      const group = racks.slice(start, start + perRow);
      const maxU = Math.max(...group.map((r) => r.heightU));
      // Up to 10 pt per U in the room left on this page; below 8.5 pt (7 pt labels no longer fit a 1U item) start a page.
      const blockFor = (room: number) => Math.min(10, (room - 52) / maxU);
      if (blockFor(BODY_BOTTOM - this.y) < Math.min(8.5, blockFor(BODY_BOTTOM - BODY_TOP))) this.newPage();
      const uH = blockFor(BODY_BOTTOM - this.y);
      const blockH = maxU * uH + 52;
      const top = this.y;
      group.forEach((rack, i) => {
        const x0 = M + i * colW + 22;
        const y0 = top + 16;
        this.doc.setFont(FONT, 'bold');
        this.doc.setFontSize(9);
        this.doc.setTextColor(20, 30, 45);
        this.doc.text(this.fit(rack.title, colW - 30), x0, top + 9);
        this.doc.setDrawColor(60, 60, 60);
        this.doc.setLineWidth(0.8);
        this.doc.rect(x0, y0 + (maxU - rack.heightU) * uH, rackW, rack.heightU * uH, 'S');
        this.doc.setFont(FONT, 'normal');
        this.doc.setFontSize(6.5);
        this.doc.setTextColor(120, 120, 120);
        for (let u = 1; u <= rack.heightU; u += u === 1 ? 4 : 5) {
          const yy = y0 + (maxU - u + 1) * uH;
          this.doc.text(String(u), x0 - 3, yy - 1, { align: 'right' });
        }
        for (const item of rack.items) {
          const yTop = y0 + (maxU - (item.fromU + item.heightU - 1)) * uH;
          const h = item.heightU * uH;
          this.doc.setFillColor(...KIND_COLOR[item.kind]);
          this.doc.setDrawColor(255, 255, 255);
          this.doc.setLineWidth(0.4);
          this.doc.rect(x0 + 1, yTop + 0.3, rackW - 2, Math.max(0.6, h - 0.6), 'FD');
          if (h >= 5) {
            const size = Math.min(7.5, h - 1.5);
            this.doc.setFontSize(size);
            this.doc.setTextColor(20, 20, 20);
            this.doc.text(this.fit(item.label, rackW - 6), x0 + 3, yTop + Math.min(h, size + 3) - 1.8);
          }
        }
        if (rack.caption) {
          this.doc.setFontSize(7);
          this.doc.setTextColor(60, 60, 60);
          const lines = (this.doc.splitTextToSize(pdfText(rack.caption), colW - 30) as string[]).slice(0, 3);
          lines.forEach((l, k) => this.doc.text(l, x0, y0 + maxU * uH + 10 + k * 8.5));
        }
      });
      this.y = top + blockH + 10;
    }
  }

  /** Height {@link diagram} takes for `d`. */
  diagramHeight(d: PowerDiagram): number {
    const branches = Math.max(0, ...d.stages.map((st) => st.branches?.length ?? 0));
    return 15 + DIAGRAM_BOX_H + branches * 8.5 + 4 + (d.note ? 27 : 0) + 4;
  }

  /** A one-line diagram: a box per stage with the power entering it, arrows between, branches hanging below. */
  diagram(d: PowerDiagram): void {
    this.ensure(this.diagramHeight(d));
    const doc = this.doc;
    doc.setFont(FONT, 'bold');
    doc.setFontSize(9.5);
    doc.setTextColor(20, 30, 45);
    doc.text(this.fit(d.title, PAGE_W - 2 * M), M, this.y + 9);
    const top = this.y + 15;
    const n = Math.max(1, d.stages.length);
    const gap = 14;
    const boxW = (PAGE_W - 2 * M - (n - 1) * gap) / n;
    d.stages.forEach((st, i) => {
      const x = M + i * (boxW + gap);
      doc.setFillColor(238, 243, 248);
      doc.setDrawColor(120, 140, 165);
      doc.setLineWidth(0.6);
      doc.rect(x, top, boxW, DIAGRAM_BOX_H, 'FD');
      doc.setFont(FONT, 'normal');
      doc.setFontSize(7);
      doc.setTextColor(40, 40, 40);
      // Up to three lines of label; a longer one ends in "...".
      const lines = doc.splitTextToSize(pdfText(st.label), boxW - 6) as string[];
      const shown = lines.length > 3 ? [...lines.slice(0, 2), this.fit(lines.slice(2).join(' '), boxW - 6)] : lines;
      shown.forEach((l, k) => doc.text(this.fit(l, boxW - 6), x + 3, top + 9 + k * 8));
      doc.setFont(FONT, 'bold');
      doc.setFontSize(9.5);
      doc.setTextColor(20, 30, 45);
      doc.text(this.fit(st.value, boxW - 6), x + 3, top + 37.5);
      if (st.loss) {
        doc.setFont(FONT, 'normal');
        doc.setFontSize(7);
        doc.setTextColor(90, 90, 90);
        doc.text(this.fit(st.loss, boxW - 6), x + 3, top + 47.5);
      }
      if (i < n - 1) {
        const ax = x + boxW + 2;
        const ay = top + DIAGRAM_BOX_H / 2;
        doc.setDrawColor(60, 60, 60);
        doc.setLineWidth(0.9);
        doc.line(ax, ay, ax + gap - 5, ay);
        doc.setFillColor(60, 60, 60);
        doc.triangle(ax + gap - 4, ay, ax + gap - 8, ay - 2.5, ax + gap - 8, ay + 2.5, 'F');
      }
      (st.branches ?? []).forEach((b, k) => {
        const by = top + DIAGRAM_BOX_H + 8 + k * 8.5;
        doc.setFont(FONT, 'normal');
        doc.setFontSize(7);
        doc.setTextColor(150, 80, 20);
        doc.text(this.fit(`↓ ${b}`, boxW + gap - 2), x + 2, by);
      });
    });
    const branches = Math.max(0, ...d.stages.map((st) => st.branches?.length ?? 0));
    this.y = top + DIAGRAM_BOX_H + branches * 8.5 + 4;
    if (d.note) {
      doc.setFont(FONT, 'normal');
      doc.setFontSize(7);
      doc.setTextColor(90, 90, 90);
      const lines = doc.splitTextToSize(pdfText(d.note), PAGE_W - 2 * M) as string[];
      const shown = lines.length > 3 ? [...lines.slice(0, 2), this.fit(lines.slice(2).join(' '), PAGE_W - 2 * M)] : lines;
      shown.forEach((l, k) => doc.text(l, M, this.y + 6 + k * 8));
      this.y += 3 + 8 * shown.length;
    }
    this.y += 4;
  }

  /** One unit's headline: figures per unit and for the count, the checks with the first fix, and its power diagram. */
  unitSheet(u: UnitSheet): void {
    const notes = u.checks.filter((c) => c.verdict !== 'pass').map((c) => `${c.label}: ${c.detail}`);
    if (u.firstFix) notes.unshift(`First fix: ${u.firstFix}`);
    const shownNotes = notes.slice(0, 3);
    // Kept whole on one page: heading, subtitle, figures, checks, notes and the diagram.
    this.ensure(22 + 15 + 11.5 + u.figures.length * 11.5 + 18 + shownNotes.length * 22 + (u.diagram ? this.diagramHeight(u.diagram) : 0));
    this.heading(u.title, 12);
    this.paragraph(u.subtitle, 8.5);
    this.y -= 4;
    const doc = this.doc;
    const labelW = 130;
    const colW = 360;
    doc.setFontSize(8);
    doc.setFont(FONT, 'bold');
    doc.setTextColor(70, 70, 70);
    doc.text('Per unit', M + labelW, this.y + 8);
    doc.text(pdfText(u.totalLabel), M + labelW + colW, this.y + 8);
    this.y += 11.5;
    for (const f of u.figures) {
      doc.setFont(FONT, 'normal');
      doc.setTextColor(70, 70, 70);
      doc.text(this.fit(f.label, labelW - 6), M, this.y + 8);
      doc.setFont(FONT, 'bold');
      doc.setTextColor(20, 30, 45);
      doc.text(this.fit(f.perUnit, colW - 8), M + labelW, this.y + 8);
      doc.setFont(FONT, 'normal');
      doc.text(this.fit(f.total, PAGE_W - 2 * M - labelW - colW), M + labelW + colW, this.y + 8);
      this.y += 11.5;
    }
    this.y += 3;
    // Checks in a row of verdict chips: the word is always printed, colour only repeats it.
    let x = M;
    doc.setFontSize(7.5);
    for (const c of u.checks) {
      const text = pdfText(`${c.verdict === 'pass' ? '✓' : c.verdict === 'near' ? '!' : '✗'} ${c.label}: ${c.verdict}`);
      doc.setFont(FONT, 'bold');
      const w = this.width(text) + 8;
      if (x + w > PAGE_W - M) {
        x = M;
        this.y += 13;
      }
      const [r, g, b] = VERDICT_COLOR[c.verdict];
      doc.setFillColor(r, g, b);
      doc.roundedRect(x, this.y, w, 11, 2, 2, 'F');
      doc.setTextColor(255, 255, 255);
      doc.text(text, x + 4, this.y + 8);
      x += w + 5;
    }
    this.y += 15;
    for (const n of shownNotes) this.paragraph(n, 7.5);
    if (u.diagram) this.diagram(u.diagram);
    this.y += 2;
  }

  chart(c: BarChart): void {
    const h = 190;
    this.ensure(h + 40);
    this.heading(`${c.title} (${c.unit})`, 11);
    const x0 = M + 50;
    const y0 = this.y;
    const w = PAGE_W - 2 * M - 60;
    const values = c.series.flatMap((s) => s.values);
    const { min, max, step } = niceScale(Math.min(0, ...values), Math.max(0, ...values));
    const span = max - min || 1;
    const yOf = (v: number) => y0 + h - ((v - min) / span) * h;
    this.doc.setDrawColor(120, 120, 120);
    this.doc.setLineWidth(0.5);
    this.doc.line(x0, y0, x0, y0 + h);
    this.doc.setFontSize(6.5);
    this.doc.setTextColor(60, 60, 60);
    for (let v = min; v <= max + step / 2; v += step) {
      this.doc.text(formatNumber(Number(v.toPrecision(12))), x0 - 4, yOf(v) + 2, { align: 'right' });
      this.doc.setDrawColor(225, 225, 225);
      this.doc.line(x0 + 1, yOf(v), x0 + w, yOf(v));
    }
    this.doc.setDrawColor(120, 120, 120);
    this.doc.line(x0, yOf(0), x0 + w, yOf(0));
    const groups = Math.max(1, c.categories.length);
    const groupW = w / groups;
    const barW = Math.max(1, (groupW * 0.75) / Math.max(1, c.series.length));
    c.categories.forEach((cat, gi) => {
      c.series.forEach((s, si) => {
        const v = s.values[gi] ?? 0;
        const x = x0 + gi * groupW + groupW * 0.125 + si * barW;
        const top = Math.min(yOf(v), yOf(0));
        this.doc.setFillColor(...SERIES_COLOR[si % SERIES_COLOR.length]!);
        this.doc.rect(x, top, barW * 0.92, Math.max(0.3, Math.abs(yOf(v) - yOf(0))), 'F');
      });
      if (groups <= 40 || gi % Math.ceil(groups / 40) === 0) {
        this.doc.setFontSize(groups > 16 ? 5 : 6.5);
        this.doc.setTextColor(60, 60, 60);
        this.doc.text(this.fit(cat, Math.max(groupW - 2, 20)), x0 + gi * groupW + groupW / 2, y0 + h + 9, { align: 'center' });
      }
    });
    let lx = x0;
    const ly = y0 + h + 18;
    this.doc.setFontSize(7);
    c.series.forEach((s, si) => {
      this.doc.setFillColor(...SERIES_COLOR[si % SERIES_COLOR.length]!);
      this.doc.rect(lx, ly, 8, 8, 'F');
      this.doc.setTextColor(40, 40, 40);
      const label = pdfText(s.name);
      this.doc.text(label, lx + 11, ly + 7);
      lx += this.width(label) + 26;
    });
    this.y = ly + 22;
  }
}

/**
 * Page 1, and only page 1: title, what the report covers, the headline figures, as many findings as fit and the
 * one-line power diagram at the foot. Findings that do not fit are counted and pointed to, never spilled.
 */
function summaryPage(w: Writer, report: PdfReport): void {
  const doc = w.doc;
  doc.setFont(FONT, 'bold');
  doc.setFontSize(20);
  doc.setTextColor(20, 30, 45);
  doc.text(w.fit(report.title, PAGE_W - 2 * M), M, w.y + 20);
  w.y += 30;
  w.paragraph(report.subtitle, 9.5);
  w.heading('Summary', 13);
  const half = Math.ceil(report.summary.length / 2);
  const colW = (PAGE_W - 2 * M) / 2;
  doc.setFontSize(9.5);
  for (let i = 0; i < half; i++) {
    for (const [k, item] of [report.summary[i], report.summary[i + half]].entries()) {
      if (!item) continue;
      const x = M + k * colW;
      doc.setFont(FONT, 'normal');
      doc.setTextColor(70, 70, 70);
      doc.text(w.fit(item.label, colW * 0.5), x, w.y + 10);
      doc.setFont(FONT, 'bold');
      doc.setTextColor(20, 30, 45);
      doc.text(w.fit(item.value, colW * 0.46), x + colW - 12, w.y + 10, { align: 'right' });
    }
    w.y += 13.5;
  }
  w.y += 6;
  const diagramH = report.diagram ? w.diagramHeight(report.diagram) + 6 : 0;
  const bottom = BODY_BOTTOM - diagramH;
  if (report.findings.length) {
    w.heading('Findings', 11);
    const size = 8.5;
    const lineH = size + 2.5;
    doc.setFont(FONT, 'normal');
    doc.setFontSize(size);
    doc.setTextColor(30, 30, 30);
    const wrapped = report.findings.map((f) => doc.splitTextToSize(pdfText(`• ${f}`), PAGE_W - 2 * M - 8) as string[]);
    let shown = 0;
    for (const lines of wrapped) {
      // Keep one line free for the "n more" pointer unless this is the last finding.
      const reserve = shown < wrapped.length - 1 ? lineH : 0;
      if (w.y + lines.length * lineH + reserve + 3 > bottom) break;
      lines.forEach((l, k) => doc.text(l, M + (k ? 8 : 0), w.y + size + k * lineH));
      w.y += lines.length * lineH + 3;
      shown++;
    }
    if (shown < wrapped.length) {
      doc.setTextColor(90, 90, 90);
      doc.text(w.fit(`${formatNumber(wrapped.length - shown)} more findings not on this page. ${report.findingsMore ?? ''}`.trim(), PAGE_W - 2 * M), M, w.y + size);
      w.y += lineH + 3;
    } else if (report.findingsMore) {
      doc.setTextColor(90, 90, 90);
      doc.text(w.fit(report.findingsMore, PAGE_W - 2 * M), M, w.y + size);
      w.y += lineH + 3;
    }
  }
  if (report.diagram) {
    w.y = Math.max(w.y + 4, bottom);
    w.diagram(report.diagram);
  }
}

/** Render the report; returns the PDF bytes. */
export async function toPdf(report: PdfReport): Promise<Uint8Array> {
  const [{ jsPDF }, faces] = await Promise.all([import('jspdf'), loadPdfFontFaces()]);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'letter', compress: true });
  doc.addFileToVFS('DejaVuSans.ttf', faces.regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', faces.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  // The real time of writing unless the caller fixes one (tests that compare bytes do).
  const created = report.createdAt ?? new Date().toISOString();
  doc.setCreationDate(new Date(created));
  doc.setFileId('0'.repeat(32));
  doc.setProperties({ title: pdfText(report.title), subject: pdfText(report.subtitle), creator: 'rackplan' });
  const w = new Writer(doc, report.title);
  const maxRows = report.maxRowsPerTable ?? 400;

  summaryPage(w, report);

  if (report.units?.length) {
    w.newPage();
    for (const u of report.units) w.unitSheet(u);
  }
  if (report.tables.length) w.newPage();
  for (const t of report.tables) {
    w.heading(t.title, 12);
    w.table(t, maxRows);
  }
  if (report.elevations.length) {
    w.newPage();
    w.heading('Rack elevations');
    w.elevations(report.elevations);
  }
  if (report.charts.length) {
    w.newPage();
    w.heading('Charts');
    for (const c of report.charts) w.chart(c);
  }
  w.newPage();
  w.heading('Assumptions and sources');
  w.table(report.assumptions, Number.MAX_SAFE_INTEGER);

  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i++) {
    doc.setPage(i);
    doc.setFont(FONT, 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(110, 110, 110);
    doc.text(pdfText(report.title), M, 24);
    doc.text(`Page ${i} of ${pages}`, PAGE_W - M, FOOTER_Y, { align: 'right' });
    doc.text('rackplan design review', M, FOOTER_Y);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
