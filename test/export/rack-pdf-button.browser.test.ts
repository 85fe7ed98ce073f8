/**
 * The Export view's "Download rack design PDF" makes the designer's design review in the browser: the embedded font
 * and jsPDF load on demand, and a PDF of the designer's generation is offered for download.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { loadUnits } from '../../src/views/parse';
import { mountApp, until } from '../components/helpers';

beforeAll(async () => {
  await loadUnits();
}, 60_000);

afterEach(() => document.body.replaceChildren());

describe('Export view: rack design PDF', () => {
  it('downloads a PDF named after the designer’s generation', async () => {
    const { store } = await mountApp('/export');
    const made: Blob[] = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) made.push(b);
      return create(b);
    };
    try {
      await userEvent.click(page.getByRole('button', { name: 'Download rack design PDF' }));
      await until(() => made.some((b) => b.type === 'application/pdf'), 30_000);
    } finally {
      URL.createObjectURL = create;
    }
    const pdf = made.find((b) => b.type === 'application/pdf')!;
    const head = new TextDecoder().decode(new Uint8Array(await pdf.slice(0, 5).arrayBuffer()));
    expect(head).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(20_000);
    await expect.element(page.getByText(`Saved rackplan-${store.design.rack.generationId}-design-review.pdf.`)).toBeVisible();
  }, 60_000);
});
