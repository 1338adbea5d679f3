/**
 * One request through the contract, whatever carried it (Electron IPC or the web server): the
 * name must be a known request and the arguments must pass its zod schema before a handler runs
 * (ARCHITECTURE.md: TypeScript types do not cross the boundary).
 */
import { requestArgs, type Handlers, type RequestName } from '../shared/contract'
import { logServiceError } from './process-guard'

/** True for the names of the contract's requests (own keys only: no `toString`, `__proto__`). */
export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requestArgs, name)
}

/** The outcome of checking one request. */
export type Checked =
  | { readonly ok: true; readonly run: () => Promise<unknown> }
  | { readonly ok: false; readonly status: 'unknown-request' | 'invalid-arguments'; readonly message: string }

/** Checks a request's name and arguments; on success `run` calls the handler with the parsed arguments. */
export function checkRequest(handlers: Handlers, name: unknown, args: unknown): Checked {
  if (!isRequestName(name)) {
    return { ok: false, status: 'unknown-request', message: `unknown request: ${String(name).slice(0, 100)}` }
  }
  const parsed = requestArgs[name].safeParse(args)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(arguments)'}: ${i.message}`)
      .join('; ')
    return { ok: false, status: 'invalid-arguments', message: `invalid arguments: ${detail}` }
  }
  // The parsed tuple matches the handler's parameters by construction (Handlers is derived from
  // requestArgs), but TypeScript cannot correlate the union of names with the union of tuples.
  const handler = handlers[name] as (...a: readonly unknown[]) => Promise<unknown>
  const values = parsed.data as readonly unknown[]
  // A handler that throws fails its own request (IPC rejects, the web server answers 500 with the
  // message) and is logged: the technician sees the message, the log keeps the stack.
  return {
    ok: true,
    run: async () => {
      try {
        return await handler(...values)
      } catch (error) {
        logServiceError(name, error)
        throw error
      }
    }
  }
}
