/** Progress on stderr: a bar redrawn in place on a terminal, a line a second otherwise. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr, unit = 'positions') {
  const started = Date.now();
  let lastDrawn = 0;
  return {
    update(done: number, total: number, force = false) {
      const now = Date.now();
      if (!force && now - lastDrawn < (stream.isTTY ? 100 : 1000)) return;
      lastDrawn = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      const rate = done / seconds;
      const share = total > 0 ? Math.min(done / total, 1) : 1;
      const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
      const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '-');
      const line = `${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}  ${Math.round(rate).toLocaleString('en')}/s  ETA ${eta.toFixed(0)}s`;
      stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
