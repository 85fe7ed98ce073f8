/** Command registry: each command lives in its own file; add one line here. */
import type { Command } from '../output';
import { presetsCommand } from './presets';

export const commands: Record<string, Command> = {
  presets: presetsCommand,
};
