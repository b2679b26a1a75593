/** A store failure explained in terms an operator can act on. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const EXPLANATIONS: readonly [RegExp, string, string][] = [
  [/^SQLITE_READONLY/, 'RL_ERR_STORE_READONLY', 'the database file or its folder is read-only'],
  [
    /^SQLITE_FULL/,
    'RL_ERR_DISK_FULL',
    'the disk is full: free space and re-run (every stage resumes where it stopped)',
  ],
  [
    /^SQLITE_CANTOPEN/,
    'RL_ERR_STORE_UNAVAILABLE',
    'the database file cannot be opened (missing folder or no permission)',
  ],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, 'RL_ERR_STORE_CORRUPT', 'the database file is damaged or not a reviewlens store'],
  [/^SQLITE_BUSY/, 'RL_ERR_STORE_BUSY', 'another process holds a write lock on the database for too long'],
];

/**
 * Process exit codes for explained store failures (sysexits.h), so a scheduler can tell "free space and
 * retry" from "fix the permissions" from "restore a backup"; any other failure exits with 1.
 */
export const STORE_EXIT_CODES: Readonly<Record<string, number>> = {
  RL_ERR_DISK_FULL: 75, // EX_TEMPFAIL: retry once there is space; every stage resumes
  RL_ERR_STORE_BUSY: 75,
  RL_ERR_STORE_READONLY: 77, // EX_NOPERM
  RL_ERR_STORE_UNAVAILABLE: 66, // EX_NOINPUT
  RL_ERR_STORE_CORRUPT: 65, // EX_DATAERR
};

export function exitCodeFor(error: unknown): number {
  return error instanceof StoreError ? (STORE_EXIT_CODES[error.code] ?? 1) : 1;
}

/** Translates SQLite driver errors (which carry a `code` like SQLITE_FULL) into StoreErrors; others pass through. */
export function explainStoreError(error: unknown, location: string): unknown {
  if (error instanceof StoreError) return error;
  // A stage may wrap the driver's error (`new Error(…, { cause })`): look a few causes deep.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      for (const [pattern, ourCode, explanation] of EXPLANATIONS) {
        if (pattern.test(code))
          return new StoreError(`store ${location}: ${explanation} (${code})`, ourCode, { cause: error });
      }
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error;
}
