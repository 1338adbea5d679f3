/**
 * Keeps a long-running process alive through an error no handler caught: the browser-mode server
 * and the Electron main process (where the process is the whole app, and ending it strands every
 * edit in the window). The error is logged with its stack; the request it belonged to fails on
 * its own (its promise rejects, or its timer ends it with a message).
 *
 * Node's default for an uncaught exception or an unhandled rejection is to exit; Electron's is a
 * modal error dialog. Neither is what a technician in a garage can act on.
 */

/** Where service errors are written: stderr, one block per error. */
export type ErrorLog = (line: string) => void

const toStderr: ErrorLog = (line) => {
  process.stderr.write(`${line}\n`)
}

/** An error as one log block: its stack when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  return String(error)
}

/** Logs an error a service raised while answering `what` (a request name). */
export function logServiceError(what: string, error: unknown, log: ErrorLog = toStderr): void {
  log(`wc-survey: ${what} failed: ${describeError(error)}`)
}

/** Installs the process-wide handlers; returns the function that removes them. */
export function guardProcess(log: ErrorLog = toStderr, target: NodeJS.Process = process): () => void {
  const onException = (error: unknown): void => {
    log(`wc-survey: an internal error was caught; the app keeps running. ${describeError(error)}`)
  }
  const onRejection = (reason: unknown): void => {
    log(`wc-survey: an unhandled promise rejection was caught; the app keeps running. ${describeError(reason)}`)
  }
  target.on('uncaughtException', onException)
  target.on('unhandledRejection', onRejection)
  return () => {
    target.off('uncaughtException', onException)
    target.off('unhandledRejection', onRejection)
  }
}
