import { config } from 'zod';

/**
 * Schema settings for the browser: every schema there parses once per page (presets, a restored session),
 * so zod's JIT compile costs more than it saves.
 */
export function configureSchemasForBrowser(): void {
  config({ jitless: true });
}
