/**
 * pdf.js's worker (parsing, fonts, images of a PDF plan), bundled by Vite as a same-origin module
 * worker like the heatmap's: the CSP's script-src 'self' covers it, with no eval and no blob: URL.
 * The module starts listening for pdf.js's messages on import.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs'
