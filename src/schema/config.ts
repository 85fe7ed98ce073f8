import { config } from 'zod';

/**
 * Schema settings for one-shot parsing (a page load, a CLI call): each schema parses a handful of times,
 * so zod's JIT compile costs more than it saves.
 */
export function configureSchemasForOneShotParsing(): void {
  config({ jitless: true });
}
