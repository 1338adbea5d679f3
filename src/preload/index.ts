/** Preload (placeholder until the foundation lands). */
export {}
