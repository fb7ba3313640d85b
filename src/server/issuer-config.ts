import type { IssuerProfile } from '../lib/certificate/credential';

/**
 * Who signs certificates, read from the environment at build time (for the verify page's trusted
 * issuers) and at run time (for signing), so both must see the same settings:
 * - COURSE_URL          public address of the course (default http://localhost:4321)
 * - CERT_ISSUER_ID      issuer URI (default <COURSE_URL>/issuer)
 * - CERT_ISSUER_NAME    issuer name shown on certificates
 * - CERT_VALID_MONTHS   validity in months (default 24)
 */
export function courseUrl(): string {
  return (process.env.COURSE_URL ?? 'http://localhost:4321').replace(/\/$/, '');
}

export function issuerProfile(): IssuerProfile {
  return {
    id: process.env.CERT_ISSUER_ID ?? `${courseUrl()}/issuer`,
    type: ['Profile'],
    name: process.env.CERT_ISSUER_NAME ?? 'Sociālie mediji valsts pārvaldē — e-kurss',
    url: `${courseUrl()}/`,
  };
}

export function validMonths(): number {
  const months = Number(process.env.CERT_VALID_MONTHS ?? 24);
  return Number.isInteger(months) && months > 0 && months <= 120 ? months : 24;
}
