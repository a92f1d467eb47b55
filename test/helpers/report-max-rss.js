// Preloaded with `node -r` into a child process: writes the process's peak RSS (KiB, all threads)
// to the file named by RSS_REPORT_FILE when it exits.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.RSS_REPORT_FILE, String(process.resourceUsage().maxRSS));
});
