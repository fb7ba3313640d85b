// The longest name and institution a certificate takes; apart from person-text.ts so a form's
// maxlength does not load the checks (the certificate page loads them when the form is sent).
export const NAME_MAX = 120;
export const INSTITUTION_MAX = 200;
