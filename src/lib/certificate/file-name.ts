/**
 * A download's file name from the learner's name, in plain ASCII: mail gateways, old file servers
 * and LMS uploads mangle „ā” or „ņ” (ux review P12). „Līga Bērziņa-Ozoliņa” → sertifikats-liga-berzina-ozolina.jwt
 */
export function certificateFileName(name: string, ext: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `sertifikats${slug ? `-${slug}` : ''}.${ext}`;
}
