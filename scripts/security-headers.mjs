// The HTTP headers the Node server (scripts/start.mjs) adds to every response, static files
// included; the README's nginx example sends the same for static hosting. Each page also carries
// Astro's <meta> Content-Security-Policy (astro.config.mjs: security.csp) with the hashes of its
// inline scripts and styles. Browsers enforce both policies, so this header leaves script-src and
// style-src to the <meta> and says what a <meta> cannot: who may frame the course.

/**
 * FRAME_ANCESTORS: who may show the course in a frame, as CSP sources separated by spaces.
 * Default 'self'. An LMS that frames this server (rather than a SCORM package it hosts itself)
 * is named here, e.g. FRAME_ANCESTORS="'self' https://lms.example.lv".
 */
export function frameAncestors(value = "'self'") {
  const sources = value.trim().split(/\s+/).filter(Boolean);
  const valid = (s) => ["'self'", "'none'"].includes(s) || /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?\/?$/i.test(s);
  const bad = sources.filter((s) => !valid(s));
  if (!sources.length || bad.length || (sources.includes("'none'") && sources.length > 1))
    throw new Error(`FRAME_ANCESTORS must be 'self', 'none' or origins such as https://lms.example.lv, separated by spaces; got ${JSON.stringify(value)}`);
  return sources.join(' ');
}

/** The headers for every response, from the environment (see frameAncestors). */
export function securityHeaders(env = process.env) {
  return {
    'Content-Security-Policy': `frame-ancestors ${frameAncestors(env.FRAME_ANCESTORS)}; object-src 'none'; base-uri 'self'; form-action 'self'`,
    'X-Content-Type-Options': 'nosniff',
    // Verify links carry the certificate after '#', which is never sent; no-referrer keeps even the page address private.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
