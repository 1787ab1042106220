/**
 * Exit codes: 0 all documents ok, 1 some failed, 2 usage or configuration error, or a problem the user can fix
 * (a path, a permission, another run holding the output folder, a broken install), 130 interrupted (Ctrl-C).
 */
export const ExitCode = { ok: 0, documentsFailed: 1, usage: 2, interrupted: 130 } as const;

/** A command used the wrong way (options that go in pairs, a file where a folder is needed): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The errors quarry raises for what a user can fix, by class name: checked by name so that the CLI need not load
 * the modules that define them (the pipeline, the model) to report them.
 */
const USER_ERROR_NAMES = new Set([
  'UsageError',
  'ConfigError',
  'InputError',
  'ReportInputError',
  'GoldError',
  'PredictionsError',
  'LockError',
  'WorkerBundleError',
  'FingerprintError',
  'TrainingDataError',
  'ModelFileError',
]);

/** File system error codes that come from the user's paths, permissions or disk, not from a bug in quarry. */
const USER_FILE_ERROR_CODES = new Set([
  'EACCES',
  'EPERM',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENAMETOOLONG',
  'ELOOP',
  'EMFILE',
]);

/** What the operating system says for each of those codes, in words. */
function fileErrorWords(error: NodeJS.ErrnoException): string {
  // Node's message is "CODE: words, syscall 'path'": keep the words.
  const words = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1];
  return words ?? error.message;
}

/**
 * The one line that tells the user what went wrong, for an error that is theirs to fix; null for any other error
 * (a bug in quarry, which keeps its stack trace).
 */
export function userErrorLine(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  if (USER_ERROR_NAMES.has(error.name)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && USER_FILE_ERROR_CODES.has(code)) {
    const { path: file, syscall } = error as NodeJS.ErrnoException;
    const where = file === undefined ? '' : `: ${file}`;
    return `${fileErrorWords(error as NodeJS.ErrnoException)}${where}${syscall === undefined ? '' : ` (${syscall})`}`;
  }
  return null;
}
