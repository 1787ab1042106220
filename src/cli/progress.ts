import cliProgress from 'cli-progress';
import { performance } from 'node:perf_hooks';
import type { ProgressEvent } from '../pipeline.ts';

/** Shows a run's progress on stderr. */
export interface ProgressDisplay {
  update(event: ProgressEvent): void;
  /** Ends the display (the cursor is shown again); calling it again does nothing. */
  stop(): void;
}

/** How progress is shown: a bar on a terminal, a line every few seconds elsewhere (a log), or not at all. */
export type ProgressMode = 'bar' | 'lines' | 'none';

/** The mode for a `progress` setting: 'auto' draws a bar on a terminal only, 'always' writes lines to a log. */
export function progressMode(setting: 'auto' | 'always' | 'never', stderrIsTerminal: boolean): ProgressMode {
  if (setting === 'never') return 'none';
  if (stderrIsTerminal) return 'bar';
  return setting === 'always' ? 'lines' : 'none';
}

/** Seconds between two progress lines when stderr is not a terminal. */
export const PROGRESS_LINE_SECONDS = 5;

const PHASE_LABELS: Record<ProgressEvent['phase'], string> = {
  extracting: 'extracting',
  writing: 'writing tables',
  report: 'report',
};

/** Documents per second since the phase started, and the seconds the rest should take at that rate. */
function pace(done: number, total: number, startedAt: number, now: number): { rate: number; secondsLeft: number | null } {
  const seconds = (now - startedAt) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  return { rate, secondsLeft: rate > 0 ? (total - done) / rate : null };
}

/** "1 min 05 s", "42 s". */
export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** One progress line for a log: phase, count, share, rate and time left. */
export function progressLine(event: ProgressEvent, startedAt: number, now: number): string {
  const label = PHASE_LABELS[event.phase];
  if (event.phase === 'report') return `quarry: ${label}`;
  const share = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
  const { rate, secondsLeft } = pace(event.done, event.total, startedAt, now);
  const left = secondsLeft === null || event.done === 0 ? '' : `, about ${formatSeconds(secondsLeft)} left`;
  const speed = event.done === 0 ? '' : `, ${rate.toFixed(1)} documents/s`;
  return `quarry: ${label} ${event.done}/${event.total} documents (${share}%)${speed}${left}`;
}

/** Lines on stderr: when a phase starts and ends, and in between at most one every PROGRESS_LINE_SECONDS. */
function lineDisplay(now: () => number): ProgressDisplay {
  let phase: ProgressEvent['phase'] | null = null;
  let startedAt = 0;
  let lastLine = 0;
  return {
    update(event) {
      const time = now();
      const newPhase = event.phase !== phase;
      if (newPhase) {
        phase = event.phase;
        startedAt = time;
      }
      const finished = event.done === event.total && event.phase !== 'report';
      if (!newPhase && !finished && time - lastLine < PROGRESS_LINE_SECONDS * 1000) return;
      lastLine = time;
      process.stderr.write(`${progressLine(event, startedAt, time)}\n`);
    },
    stop() {},
  };
}

/** A bar on the terminal per phase, each left on its line when the next starts, with the rate and time left. */
function barDisplay(now: () => number): ProgressDisplay {
  let bar: cliProgress.SingleBar | null = null;
  let phase: ProgressEvent['phase'] | null = null;
  let startedAt = 0;
  const stop = (): void => {
    bar?.stop();
    bar = null;
  };
  return {
    update(event) {
      const time = now();
      if (event.phase !== phase || bar === null) {
        stop();
        phase = event.phase;
        startedAt = time;
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `quarry ${PHASE_LABELS[event.phase].padEnd(14)} {bar} {value}/{total} | {rate}/s | {left} | {document}`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.total, event.done, { rate: '-', left: '-', document: event.document });
        return;
      }
      const { rate, secondsLeft } = pace(event.done, event.total, startedAt, time);
      bar.setTotal(event.total);
      bar.update(event.done, {
        rate: rate.toFixed(1),
        left: secondsLeft === null ? '-' : `${formatSeconds(secondsLeft)} left`,
        document: event.document,
      });
    },
    stop,
  };
}

/** The progress display for a mode. */
export function progressDisplay(mode: ProgressMode, now: () => number = () => performance.now()): ProgressDisplay {
  if (mode === 'bar') return barDisplay(now);
  if (mode === 'lines') return lineDisplay(now);
  return { update() {}, stop() {} };
}
