// Preloaded (`node --import`) into a bench child: on exit, writes the process's peak RSS in kB to the file
// named by RACKPLAN_BENCH_RSS_FILE, so a case can report the memory of the command alone.
// VmHWM from /proc/self/status, not process.resourceUsage().maxRSS: on Linux the latter keeps the high-water
// mark of the memory the child had between fork and exec, i.e. the bench runner's own RSS (a child spawned from
// a 540 MB parent reports 504 MB while its own peak is 42 MB), so every child looked at least as big as the runner.
import { readFileSync, writeFileSync } from 'node:fs';

/** Peak resident set size of this process in kB. */
export function peakRssKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no procfs (macOS): fall back below
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  if (process.env.RACKPLAN_BENCH_RSS_FILE) writeFileSync(process.env.RACKPLAN_BENCH_RSS_FILE, String(peakRssKb()));
});
