/**
 * The longest text each field a person types may hold (issue 16 item 9): one source for the file
 * schemas (a file with longer text is refused, naming the field) and for the inputs (which count
 * the characters and refuse a change over the limit with a message, never cutting silently).
 * Counted in UTF-16 code units, as zod's `.max()` and the DOM's `maxLength` count.
 */
export const TEXT_LIMITS = {
  siteName: 200,
  siteAddress: 500,
  customer: 200,
  technician: 200,
  siteNotes: 20000,
  targetSsid: 256,
  locationName: 200,
  locationNotes: 20000,
  cellularNote: 2000,
  levelName: 200,
  photoCaption: 300,
  companyName: 200,
  companyPhone: 60,
  companyEmail: 254,
  companyWebsite: 200,
  companyAddress: 500
} as const

export type TextLimitKey = keyof typeof TEXT_LIMITS
