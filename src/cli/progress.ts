/**
 * Progress for long stages: a single rewritten status line on a terminal; on pipes and in CI, one JSON line
 * per finished stage on stderr, so logs stay machine-readable and stdout carries only results.
 */
export interface Progress {
  update(stage: string, counts: object): void;
  done(stage: string, counts: object): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      update() {},
      done(stage, counts) {
        stream.write(`${JSON.stringify({ event: 'stage_done', stage, ...counts })}\n`);
      },
    };
  }
  let lastWrite = 0;
  const line = (stage: string, counts: object) =>
    `${stage}: ${Object.entries(counts)
      .filter(([, value]) => typeof value === 'number')
      .map(([key, value]) => `${key}=${value}`)
      .join(' ')}`;
  return {
    update(stage, counts) {
      const now = Date.now();
      if (now - lastWrite < 100) return;
      lastWrite = now;
      stream.write(`\r\x1b[2K${line(stage, counts)}`);
    },
    done(stage, counts) {
      stream.write(`\r\x1b[2K${line(stage, counts)}\n`);
    },
  };
}
