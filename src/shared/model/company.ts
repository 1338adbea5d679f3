/**
 * The surveying company (issue 16 item 7): name, contact and logo, printed on the report's cover
 * and footer. A setting of this installation, stored by main (never in a survey file), so every
 * survey exported on this laptop carries it. Every field is attacker-controlled text once read
 * back from disk: shown as text, never HTML.
 */
import { z } from 'zod'
import { TEXT_LIMITS } from './text-limits'

/** What a logo may weigh and measure; said in the Settings page and enforced by main. */
export const COMPANY_LOGO_LIMITS = {
  maxBytes: 1024 * 1024,
  maxSidePx: 4096
} as const

/** The limits in words, for the Settings page and every refusal. */
export const COMPANY_LOGO_LIMITS_TEXT = `PNG or JPEG, up to ${COMPANY_LOGO_LIMITS.maxBytes / 1048576} MB and ${COMPANY_LOGO_LIMITS.maxSidePx.toLocaleString('en-US')} px on the longest side`

/** The whole refusal of a file as the logo: names the file, says why and the limits. */
export function companyLogoRefusal(fileName: string, why: string): string {
  return `${fileName} cannot be the company logo: ${why}. A logo is ${COMPANY_LOGO_LIMITS_TEXT}.`
}

export const companyLogoSchema = z
  .object({
    mediaType: z.enum(['image/png', 'image/jpeg']),
    /** The image bytes, base64, as main checked them (magic bytes, dimensions). */
    data: z.string().max(Math.ceil(COMPANY_LOGO_LIMITS.maxBytes / 3) * 4),
    widthPx: z.number().int().min(1).max(COMPANY_LOGO_LIMITS.maxSidePx),
    heightPx: z.number().int().min(1).max(COMPANY_LOGO_LIMITS.maxSidePx)
  })
  .strict()
export type CompanyLogo = Readonly<z.infer<typeof companyLogoSchema>>

export const companySchema = z
  .object({
    name: z.string().max(TEXT_LIMITS.companyName),
    phone: z.string().max(TEXT_LIMITS.companyPhone),
    email: z.string().max(TEXT_LIMITS.companyEmail),
    website: z.string().max(TEXT_LIMITS.companyWebsite),
    address: z.string().max(TEXT_LIMITS.companyAddress),
    logo: companyLogoSchema.nullable()
  })
  .strict()
export type Company = Readonly<z.infer<typeof companySchema>>

/** Nothing set yet: the report then prints no company block (never a placeholder name). */
export const EMPTY_COMPANY: Company = { name: '', phone: '', email: '', website: '', address: '', logo: null }

/** True when nothing would be printed. */
export function isEmptyCompany(c: Company): boolean {
  return c.logo === null && [c.name, c.phone, c.email, c.website, c.address].every((s) => s.trim() === '')
}
