import type { IssuerProfile } from '../lib/certificate/credential';
import { institution } from './institution.ts';

/**
 * Who signs certificates, read from the environment at build time (for the verify page's trusted
 * issuers) and at run time (for signing), so both must see the same settings:
 * - COURSE_URL          public address of the course (default http://localhost:4321)
 * - CERT_ISSUER_ID      issuer URI (default <COURSE_URL>/issuer)
 * - CERT_ISSUER_NAME    issuer name shown on certificates (or the institution file's issuer name)
 * - INSTITUTION_FILE    this edition's institution (src/server/institution.ts): its issuer.name
 *                       (default: its Latvian name) names the issuer; CERT_ISSUER_NAME, if also
 *                       set, must say the same
 * - CERT_VALID_MONTHS   validity in months (default 24)
 */
export function courseUrl(): string {
  return (process.env.COURSE_URL ?? 'http://localhost:4321').replace(/\/$/, '');
}

export const DEFAULT_ISSUER_NAME = 'Sociālie mediji valsts pārvaldē — e-kurss';

/** The issuer's name: the institution file's, CERT_ISSUER_NAME's, or the course's (for trying it out). */
export function issuerName(): string {
  const fromFile = institution()?.issuerName;
  const fromEnv = process.env.CERT_ISSUER_NAME;
  if (fromFile && fromEnv && fromEnv !== fromFile)
    throw new Error(`CERT_ISSUER_NAME ("${fromEnv}") and the institution file's issuer name ("${fromFile}") differ: unset CERT_ISSUER_NAME or make them the same`);
  return fromFile ?? fromEnv ?? DEFAULT_ISSUER_NAME;
}

export function issuerProfile(): IssuerProfile {
  return {
    id: process.env.CERT_ISSUER_ID ?? `${courseUrl()}/issuer`,
    type: ['Profile'],
    name: issuerName(),
    url: `${courseUrl()}/`,
  };
}

export function validMonths(): number {
  const months = Number(process.env.CERT_VALID_MONTHS ?? 24);
  return Number.isInteger(months) && months > 0 && months <= 120 ? months : 24;
}
