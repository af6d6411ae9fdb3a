/*
 * Clean-ups that must run when the process is interrupted (SIGINT, SIGTERM) in the middle of writing: staged report
 * folders are removed and a set moved aside is put back. The entry (main.ts) runs them before it exits.
 */
const cleanups = new Set<() => void>();

/** Registers a synchronous clean-up for an interruption; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** Runs (and forgets) every registered clean-up; one that fails does not stop the others. */
export function runInterruptCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // The process is ending; what could not be cleaned is swept by the next run (recoverReportSets).
    }
  }
}
