import type { IndexProgress } from './databaseIndexes';

/**
 * Renders install progress on a stream: a redrawn bar with rate and time left on a terminal, or a line every 5 %
 * (and per phase) when the output is a file or a pipe.
 */
export function progressBar(stream: NodeJS.WriteStream, now: () => number = Date.now): (step: IndexProgress) => void {
  let phase = '';
  let phaseStart = 0;
  let lastLineAt = -1;
  let lastDrawn = 0;
  return (step) => {
    const time = now();
    if (step.phase !== phase) {
      if (phase !== '' && stream.isTTY) stream.write('\n');
      phase = step.phase;
      phaseStart = time;
      lastLineAt = -1;
    }
    const elapsed = (time - phaseStart) / 1000;
    const fraction = step.total ? Math.min(1, step.done / step.total) : null;
    const rate = elapsed > 0 ? step.done / elapsed : 0;
    const left = fraction !== null && rate > 0 && step.total ? (step.total - step.done) / rate : null;
    const figures =
      fraction === null
        ? `${step.done.toLocaleString('en-US')} ${step.unit}`.trim()
        : `${Math.floor(fraction * 100)}% ${step.done.toLocaleString('en-US')}/${(step.total ?? 0).toLocaleString('en-US')} ${step.unit}` +
          (step.unit !== '%' && rate > 0 ? ` · ${Math.round(rate).toLocaleString('en-US')}/s` : '') +
          (left !== null && step.done < (step.total ?? 0) ? ` · about ${formatSeconds(left)} left` : '');
    if (stream.isTTY) {
      if (time - lastDrawn < 100 && fraction !== 1) return;
      lastDrawn = time;
      const width = 24;
      const bar = fraction === null ? '' : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] `;
      stream.write(`\r${step.phase}: ${bar}${figures}\u001b[K`);
      return;
    }
    const percent = fraction === null ? 0 : Math.floor(fraction * 20) * 5;
    if (percent === lastLineAt) return;
    lastLineAt = percent;
    stream.write(`${step.phase}: ${figures}\n`);
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
