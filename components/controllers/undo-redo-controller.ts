/**
 * Undo/redo for the host (the app shell): keyboard shortcuts (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y) and methods
 * for the toolbar buttons. A text field with unsaved typing keeps its own native undo.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppStore } from '../../src/state/store';

export type HistoryStep = 'undo' | 'redo';

export class UndoRedoController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: () => AppStore | undefined;
  readonly #onStep: (step: HistoryStep, label: string) => void;
  readonly #target: EventTarget;
  readonly #key = (e: Event) => this.#onKey(e as KeyboardEvent);

  /**
   * @param host - the element whose lifetime bounds the shortcut listener
   * @param store - returns the store to act on
   * @param onStep - called after a successful undo or redo with the label of the edit (for an announcement)
   * @param target - where to listen for keys (default: window)
   */
  constructor(host: ReactiveControllerHost, store: () => AppStore | undefined, onStep: (step: HistoryStep, label: string) => void = () => {}, target?: EventTarget) {
    this.#host = host;
    this.#store = store;
    this.#onStep = onStep;
    this.#target = target ?? globalThis;
    host.addController(this);
  }

  hostConnected(): void {
    this.#target.addEventListener('keydown', this.#key);
  }

  hostDisconnected(): void {
    this.#target.removeEventListener('keydown', this.#key);
  }

  undo(): boolean {
    const s = this.#store();
    const label = s?.undoLabel;
    if (!s || !s.undo()) return false;
    this.#onStep('undo', label ?? '');
    this.#host.requestUpdate();
    return true;
  }

  redo(): boolean {
    const s = this.#store();
    const label = s?.redoLabel;
    if (!s || !s.redo()) return false;
    this.#onStep('redo', label ?? '');
    this.#host.requestUpdate();
    return true;
  }

  #onKey(e: KeyboardEvent): void {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const step: HistoryStep | null = key === 'z' ? (e.shiftKey ? 'redo' : 'undo') : key === 'y' && !e.shiftKey ? 'redo' : null;
    if (!step) return;
    // Typing in progress: leave Ctrl+Z to the text field.
    const el = e.composedPath()[0] as Partial<HTMLElement> | undefined;
    if (el && typeof el.matches === 'function' && el.matches('textarea, [contenteditable], input[data-dirty]')) return;
    e.preventDefault();
    if (step === 'undo') this.undo();
    else this.redo();
  }
}
