// Preloaded (`node --import`) into a bench child: on exit, writes the process's peak RSS in kB to the file
// named by RACKPLAN_BENCH_RSS_FILE, so a case can report the memory of the command alone.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.RACKPLAN_BENCH_RSS_FILE) writeFileSync(process.env.RACKPLAN_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
