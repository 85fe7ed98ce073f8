#!/usr/bin/env node
// Finds the Chromium the browser tests drive (CHROMIUM_PATH, else /usr/bin/chromium).
// If it is missing and we are root on a Debian-like machine, installs Debian's `chromium` package.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
  console.error('chromium not found: installing Debian package "chromium" (apt-get)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync(path)) process.exit(0);
  } catch {
    /* fall through to the one-line message */
  }
}
console.error(`chromium not found at ${path}: install Debian's "chromium" package (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
process.exit(1);
