/**
 * Performance marks the benchmarks read (`npm run bench`, test/bench/cases/ui.bench.ts): when a view has rendered
 * and when that render has been painted. Cheap, and visible in the browser's performance panel.
 * @module
 */

/** Called with a mark's name in the task in which it is made (before that render's frame). */
export type RenderedListener = (name: string) => void;

const listeners = new Set<RenderedListener>();

/**
 * Be told, synchronously, when a view marks a render: in the same task as the render, so what must change with that
 * render's frame (the pre-rendered copy giving way to the live app, components/app/rack-app.ts) changes in it.
 * Returns the function that stops listening.
 */
export function onRendered(listener: RenderedListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Mark `name` now, and `name:painted` once the frame that shows it has been painted. */
export function markRendered(name: string): void {
  for (const listener of [...listeners]) listener(name);
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name);
  if (typeof requestAnimationFrame === 'function') afterNextPaint(() => performance.mark(`${name}:painted`));
}

/**
 * Run `fn` in a task after the next frame has been painted: a frame callback runs before the frame's paint, and a
 * task queued from it runs after that paint. For work that must not hold back a first paint (modules below the fold).
 */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
