// Preloaded into a benchmarked process (`node --import ./scripts/bench/max-rss.mjs …`): its peak resident memory, in KB, as the last line on stderr.
process.on("exit", () => process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
