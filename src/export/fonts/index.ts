/**
 * The PDF report's embedded font: DejaVu Sans, regular and bold, cut to the Unicode blocks of charset.json by
 * scripts/pdf-font.mjs (`npm run pdf-font`). The TrueType files load only when a PDF is written (a dynamic import
 * of each, inlined as base64), so they are in no chunk of the app's first paint. DejaVu fonts: Bitstream Vera
 * license, DejaVu changes in the public domain.
 * @module
 */
import coverage from './coverage.json';

/** The family name the PDF writer registers the faces under. */
export const PDF_FONT_FAMILY = 'DejaVuSans';

export interface PdfFontFaces {
  /** Base64 TrueType bytes. */
  readonly regular: string;
  readonly bold: string;
}

const base64 = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** Both faces as base64, for jsPDF's `addFileToVFS`. */
export async function loadPdfFontFaces(): Promise<PdfFontFaces> {
  const [regular, bold] = await Promise.all([import('./DejaVuSans-subset.ttf?inline'), import('./DejaVuSans-Bold-subset.ttf?inline')]);
  return { regular: base64(regular.default), bold: base64(bold.default) };
}

/** Inclusive code point ranges both faces draw (coverage.json, written with the fonts from their cmap tables). */
export const PDF_FONT_RANGES: readonly (readonly [number, number])[] = coverage.ranges as [number, number][];

/** Whether the embedded font has a glyph for this code point. */
export function pdfFontCovers(codePoint: number): boolean {
  let lo = 0;
  let hi = PDF_FONT_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = PDF_FONT_RANGES[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}
