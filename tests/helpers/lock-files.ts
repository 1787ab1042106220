import { hostname } from 'node:os';

/** A pid no process can have (above the largest Linux, 2^22, or macOS, 99,998, gives): the holder of a lock naming it is not running. */
export const NOT_RUNNING_PID = 2 ** 22 + 1;

/** A lock file as a run writes it, naming `pid` on `host`. */
export const lockContent = (pid: number, host = hostname()): string => `${JSON.stringify({ pid, hostname: host, started: '2026-01-01T00:00:00.000Z' })}\n`;
