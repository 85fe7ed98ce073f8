/**
 * One colour per generation, the same in every chart (Plan, Compare, Sites), so a generation keeps its colour when
 * the data's order changes. Light and dark variants keep contrast on either theme. Red is left out: charts use it
 * for limits (meter, plant capacity) only.
 * @module
 */

export interface ColorPair {
  readonly light: string;
  readonly dark: string;
}

/** By catalog id; families keep neighbouring hues (NVIDIA blues/greens/purples, AWS oranges/browns). */
export const GENERATION_COLORS: Readonly<Record<string, ColorPair>> = {
  'dgx-h100': { light: '#7f8c9a', dark: '#9aa8b6' },
  'dgx-h200': { light: '#4e5d6c', dark: '#b8c4d0' },
  'dgx-b200': { light: '#17a2b8', dark: '#39c5d6' },
  'dgx-b300': { light: '#0e6f7e', dark: '#7fdbe6' },
  'gb200-nvl72': { light: '#2f6fd0', dark: '#5c9cf5' },
  'gb300-nvl72': { light: '#1b3f8f', dark: '#9cc2ff' },
  'vr-nvl144': { light: '#2a9d6f', dark: '#4cc38a' },
  'rubin-ultra-nvl576': { light: '#9b59b6', dark: '#c08ae0' },
  'trn2-server': { light: '#c9a227', dark: '#e6c65a' },
  'trn2-ultraserver': { light: '#d9822b', dark: '#f0a050' },
  'trn3-gen2-ultraserver': { light: '#8c4f1f', dark: '#d8935a' },
  'inf2-server': { light: '#e377c2', dark: '#f29bd4' },
};

/** Generations outside the map (a user's own) take these in turn. */
const SPARE: readonly ColorPair[] = [
  { light: '#6b8e23', dark: '#a4c95a' },
  { light: '#5d4e8c', dark: '#a99be0' },
  { light: '#a0522d', dark: '#d99572' },
];

/** The colour of a generation on a theme. */
export function generationColor(id: string, dark: boolean): string {
  const pair = GENERATION_COLORS[id] ?? SPARE[[...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % SPARE.length]!;
  return dark ? pair.dark : pair.light;
}
