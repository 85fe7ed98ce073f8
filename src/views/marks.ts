/**
 * Performance marks the benchmarks read (`npm run bench`, test/bench/cases/ui.bench.ts): when a view has rendered
 * and when that render has been painted. Cheap, and visible in the browser's performance panel.
 * @module
 */

/** Mark `name` now, and `name:painted` once the frame that shows it has been painted. */
export function markRendered(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name);
  if (typeof requestAnimationFrame === 'function') {
    // rAF runs before the frame's paint; a task queued from it runs after that paint.
    requestAnimationFrame(() => setTimeout(() => performance.mark(`${name}:painted`), 0));
  }
}
