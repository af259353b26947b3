// jsdom lacks CSS.escape, which Designsystemet's popover polyfill calls when its
// module loads; a minimal version (CSSOM's rules for identifiers) is enough here.
const g = globalThis as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) =>
  s.replace(/^\d|[^\w-]/g, (c) => (/\d/.test(c) ? `\\3${c} ` : `\\${c}`));

// Nor has it the Web Animations API, which Designsystemet's Spinner synchronises
// its animation with; no running animations is the truth in jsdom.
const d = document as { getAnimations?: () => Animation[] };
d.getAnimations ??= () => [];
