/**
 * Names a newer build may add: requirement IDs (a new rule) and scan sources (a new scanner).
 *
 * The file stores them as strings (schema v6), so a survey written by a later build opens here.
 * Code narrows a stored name with `knownName` before using it as one of its own; display goes
 * through `nameForDisplay`, which says "unknown (written by a newer version)" for a name this build
 * does not know. Such a name is never damage and never a pass.
 */
import { z } from 'zod'

/** What the app shows for a requirement or scan source it does not know. */
export const WRITTEN_BY_NEWER = 'unknown (written by a newer version)'

/**
 * A name as a file may carry it: non-empty, short, and otherwise any text (attacker-controlled:
 * shown as text only, through visibleText/terminalSafe like any other string from a file).
 */
export const newerNameSchema = z.string().min(1).max(64)

/** `name` as one of `known`, or null when this build does not know it. The one narrowing helper. */
export function knownName<T extends string>(known: readonly T[], name: string): T | null {
  return (known as readonly string[]).includes(name) ? (name as T) : null // Cast: includes() just proved name is one of known
}

/** `name` as shown to a person: itself when known, else with "unknown (written by a newer version)". */
export function nameForDisplay(known: readonly string[], name: string): string {
  return knownName(known, name) === null ? `${name}: ${WRITTEN_BY_NEWER}` : name
}
