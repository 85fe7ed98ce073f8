// Types of scripts/prerender.mjs's exports, for the tests that import them.
export const PRERENDER_SUFFIX: string;
export const PRERENDER_CLASS: string;
export function bundledGenerationIds(): string[];
export function renameTags(html: string, names: readonly string[], suffix?: string): string;
export function deferAppScripts(indexHtml: string): string;
export function pageWithCopy(indexHtml: string, path: string, copyHtml: string): string;
