/**
 * Undo/redo history of immutable values (the design document). Pure: no DOM, no timers.
 * Each entry carries a label so the UI can say what undo will revert ("Undo: feed amps").
 * @module
 */

interface Entry<T> {
  readonly value: T;
  /** What the edit that produced this value did. */
  readonly label: string;
}

export class History<T> {
  #past: Entry<T>[] = [];
  #present: Entry<T>;
  #future: Entry<T>[] = [];
  readonly #limit: number;

  /**
   * @param present - the starting value (not undoable)
   * @param limit - how many edits are kept; older ones fall off
   */
  constructor(present: T, limit = 200) {
    this.#present = { value: present, label: 'start' };
    this.#limit = Math.max(1, limit);
  }

  get present(): T {
    return this.#present.value;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Label of the edit undo would revert, or null. */
  get undoLabel(): string | null {
    return this.#past.length ? this.#present.label : null;
  }

  /** Label of the edit redo would re-apply, or null. */
  get redoLabel(): string | null {
    return this.#future[this.#future.length - 1]?.label ?? null;
  }

  /** Record a new value; an identical value (same reference) records nothing. Clears the redo stack. */
  commit(value: T, label: string): boolean {
    if (Object.is(value, this.#present.value)) return false;
    this.#past.push(this.#present);
    if (this.#past.length > this.#limit) this.#past.shift();
    this.#present = { value, label };
    this.#future = [];
    return true;
  }

  undo(): T | undefined {
    const prev = this.#past.pop();
    if (!prev) return undefined;
    this.#future.push(this.#present);
    this.#present = prev;
    return prev.value;
  }

  redo(): T | undefined {
    const next = this.#future.pop();
    if (!next) return undefined;
    this.#past.push(this.#present);
    this.#present = next;
    return next.value;
  }

  /** Start over from a value (a loaded file): nothing to undo or redo. */
  reset(value: T): void {
    this.#past = [];
    this.#future = [];
    this.#present = { value, label: 'start' };
  }
}
