/** Command registry: each command lives in its own file; add one line here. */
import type { Command } from '../output';
import { presetsCommand } from './presets';
import { rackCommand } from './rack';
import { calcCommand } from './calc';
import { fabricCommand } from './fabric';
import { cablesCommand } from './cables';

export const commands: Record<string, Command> = {
  presets: presetsCommand,
  rack: rackCommand,
  calc: calcCommand,
  fabric: fabricCommand,
  cables: cablesCommand,
};
