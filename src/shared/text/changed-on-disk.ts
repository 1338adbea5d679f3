/**
 * What the person is told when a save found the survey file changed by another program since it
 * was opened (issue 17 item 4), worded once: main's refusal (shown after Cancel, with Retry) and
 * the window's question (changed-on-disk-dialog) say the same thing and name the same two
 * choices the dialog offers, Keep both and Overwrite theirs.
 */

/** The two choices, by the names of the dialog's buttons. */
const CHOICES = "Keep both saves yours as a new file beside it; Overwrite theirs replaces the other program's version."

/** "<file> was changed by another program since you opened it (<path>). Nothing was saved yet…" with the choices; `path` only where the full path helps (main). */
export function changedOnDiskMessage(fileName: string, path?: string): string {
  const where = path === undefined ? '' : ` (${path})`
  return `${fileName} was changed by another program since you opened it${where}. Nothing was saved yet: your changes are kept in this window. ${CHOICES}`
}
