/**
 * Chromium's PDF header and footer: the site name and date at the top, page numbers at the bottom.
 *
 * These templates are HTML that Chromium renders outside the page (and outside its CSP): the site
 * name is survey text and the company's name and contact come from a settings file, so both are
 * escaped here, and nothing else from the survey goes in.
 */
import type { Company } from '../../shared/model/company'
import { PALETTE } from '../../shared/style/palette'
import { visibleText } from '../../shared/text/hidden-chars'

/** Page margins in millimetres; the same as the report's `@page` rules (report.css). */
export const PAGE_MARGINS_MM = { top: 18, right: 14, bottom: 16, left: 14 } as const

/** Escapes text for an HTML text node or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The header's and footer's box: exactly the page's width, the margins inside it as padding (issue
 * 16 item 9: `width:100%` plus a margin was the page width and 28 mm more, so a long site name ran
 * off the right edge of the paper).
 */
const BOX = `font-family:'Liberation Sans','DejaVu Sans',Arial,Helvetica,sans-serif;font-size:7.5pt;color:${PALETTE['rpt-muted']};box-sizing:border-box;width:100%;margin:0;padding:0 ${PAGE_MARGINS_MM.right}mm 0 ${PAGE_MARGINS_MM.left}mm;display:flex;justify-content:space-between;gap:6mm;`

/**
 * Header: site name on the left (one line, ellipsised), "Wall Connector network survey · date" on
 * the right; "DRAFT" first on every page while a location is incomplete.
 */
export function headerTemplate(siteName: string, date: string, draft = false): string {
  // Whole: the box cuts it with an ellipsis where it meets the date, never a silent cut here.
  const site = escapeHtml(visibleText(siteName))
  const mark = draft ? `<span style="white-space:nowrap;font-weight:bold;color:${PALETTE['rpt-draft']}">DRAFT</span>` : ''
  return `<div style="${BOX}">${mark}<span style="flex:1;min-width:0;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;unicode-bidi:isolate">${site}</span><span style="white-space:nowrap">Wall Connector network survey · ${escapeHtml(date)}</span></div>`
}

/**
 * The company line of the footer, "Name · phone · email · website" (the address is on the cover
 * only): each field made visible (`visibleText`, line breaks as spaces) and left out when blank;
 * empty when no company is set.
 */
export function companyFooterLine(company: Company | null): string {
  if (company === null) return ''
  return [company.name, company.phone, company.email, company.website]
    .map((field) => visibleText(field, { multiline: true }).replace(/[\r\n\t]+/g, ' ').trim())
    .filter((field) => field !== '')
    .join(' · ')
}

/**
 * Footer: the surveying company and its contact on the left (one line, ellipsised, so a long name
 * never pushes the page number off the page), else the product; "Page N of M" on the right
 * (Chromium fills the classes). No company set: no company text at all.
 */
export function footerTemplate(company: Company | null = null): string {
  const line = companyFooterLine(company)
  const left = line === '' ? '<span>WC Site Survey report</span>' : `<span style="flex:1;min-width:0;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;unicode-bidi:isolate">${escapeHtml(line)}</span>`
  return `<div style="${BOX}">${left}<span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
}
