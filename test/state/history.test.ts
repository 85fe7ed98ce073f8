import { describe, expect, it } from 'vitest';
import { History } from '../../src/state/history';

describe('History', () => {
  it('undoes and redoes commits in order, with labels', () => {
    const h = new History({ n: 0 });
    const a = { n: 1 };
    const b = { n: 2 };
    expect(h.commit(a, 'one')).toBe(true);
    expect(h.commit(b, 'two')).toBe(true);
    expect(h.undoLabel).toBe('two');
    expect(h.undo()).toBe(a);
    expect(h.present).toBe(a);
    expect(h.redoLabel).toBe('two');
    expect(h.undo()).toEqual({ n: 0 });
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe(a);
    expect(h.redo()).toBe(b);
    expect(h.canRedo).toBe(false);
  });

  it('records nothing for the same value and clears redo on a new edit', () => {
    const h = new History('x');
    expect(h.commit('x', 'noop')).toBe(false);
    h.commit('y', 'y');
    h.undo();
    h.commit('z', 'z');
    expect(h.canRedo).toBe(false);
    expect(h.present).toBe('z');
  });

  it('keeps at most `limit` steps', () => {
    const h = new History(0, 3);
    for (let i = 1; i <= 10; i++) h.commit(i, String(i));
    let steps = 0;
    while (h.undo() !== undefined) steps++;
    expect(steps).toBe(3);
    expect(h.present).toBe(7);
  });

  it('reset forgets history', () => {
    const h = new History(0);
    h.commit(1, 'a');
    h.reset(5);
    expect(h.present).toBe(5);
    expect(h.canUndo || h.canRedo).toBe(false);
  });
});
