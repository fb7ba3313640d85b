import { assertNever } from '../assert-never';
import type { TextKey } from '../i18n/ui-strings';
import type { VerificationReason } from './verification-reason';
import type { VerificationRow } from './verification-row';
import { dateFormatter } from './date-text';

export { dateFormatter } from './date-text';

/** The UI strings verification is told with: the page, the CSV and the command line share them. */
export type VerifyTextKey = Extract<TextKey, `verify.${string}`>;
export type Translate = (key: VerifyTextKey, vars?: Record<string, string | number>) => string;

/** A row's status, reason and notes in words, in one language. */
export interface VerificationText {
  status(row: VerificationRow): string;
  /** The reason, then what the reader should know besides (an added issuer, a duplicate). */
  explanation(row: VerificationRow): string;
  trust(row: VerificationRow): string;
  date(iso: string | undefined): string;
  /** Which assessment a signed certificate attests, in words: its final test, or the module quizzes only ('' when unknown). */
  finalTest(row: VerificationRow): string;
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export function reasonText(reason: VerificationReason, text: Translate, date: (iso: string) => string): string {
  switch (reason.code) {
    case 'signed-by':
      return text('verify.reason.signed-by', { issuer: reason.issuer });
    case 'file-too-large':
      return text('verify.reason.file-too-large', { size: kilobytes(reason.limit) });
    case 'issuer-mismatch':
      // The claimed issuer is the forger's text: shown short and without control characters.
      return text('verify.reason.issuer-mismatch', { claimed: shortened(reason.claimed) });
    case 'not-yet-valid':
      return text('verify.reason.not-yet-valid', { date: date(reason.from) });
    case 'expired':
      return text('verify.reason.expired', { date: date(reason.until) });
    case 'revoked':
      return text('verify.reason.revoked');
    case 'file-empty':
    case 'file-unreadable':
    case 'unsigned-record':
    case 'not-a-token':
    case 'unreadable':
    case 'not-a-credential':
    case 'missing-fields':
    case 'algorithm-refused':
    case 'unknown-key':
    case 'signature-mismatch':
    case 'dates-disagree':
    case 'check-failed':
      return text(`verify.reason.${reason.code}`);
    default:
      return assertNever(reason);
  }
}

/**
 * The status in words. A valid certificate always says whether its revocation was checked: never a
 * plain "valid" that could mean either. A revoked one says when and why.
 */
function statusLabel(row: VerificationRow, text: Translate, date: (iso: string | undefined) => string): string {
  if (row.status === 'revoked') {
    const reason = row.reason.code === 'revoked' ? row.reason : undefined;
    const why = text(`verify.revocationReason.${reason?.reason ?? 'withdrawn'}`);
    return reason?.date ? text('verify.status.revoked', { date: date(reason.date), reason: why }) : text('verify.status.revoked-undated', { reason: why });
  }
  if (row.status !== 'valid') return text(`verify.status.${row.status}`);
  if (row.revocation?.state === 'not-revoked') return text('verify.status.valid-checked');
  return row.revocation?.state === 'not-checked' && row.revocation.why !== 'offline' ? text('verify.status.valid-unchecked') : text('verify.status.valid-offline');
}

/** Why revocation was not checked, when it was not for lack of a network (the status label says that). */
function revocationNote(row: VerificationRow, text: Translate): string {
  const r = row.revocation;
  return row.status === 'valid' && r?.state === 'not-checked' && r.why !== 'offline' ? text(`verify.note.revocation.${r.why}`) : '';
}

export function verificationText(text: Translate, langTag: string): VerificationText {
  const date = dateFormatter(langTag);
  const dayText = dateFormatter(langTag, 'UTC');
  return {
    status: (row) => {
      const label = statusLabel(row, text, date);
      return row.trust === 'added' ? text('verify.status.withAddedIssuer', { status: label }) : label;
    },
    explanation: (row) =>
      [
        reasonText(row.reason, text, (iso) => date(iso)),
        row.trust === 'added' ? text('verify.note.added', { id: row.issuerId ?? '' }) : '',
        revocationNote(row, text),
        row.duplicate ? text('verify.note.duplicate') : '',
      ]
        .filter(Boolean)
        .join(' '),
    trust: (row) => (row.trust ? text(`verify.trust.${row.trust}`) : ''),
    date,
    // The date passed is a calendar day (YYYY-MM-DD), shown as that day wherever the reader is.
    finalTest: (row) => {
      if (row.finalTest) {
        const percent = new Intl.NumberFormat(langTag, { style: 'percent' }).format(row.finalTest.percent / 100);
        return row.finalTest.date ? text('verify.finalTest', { percent, date: dayText(row.finalTest.date) }) : text('verify.finalTestUndated', { percent });
      }
      return row.assessment === 'modules' ? text('verify.assessment.modules') : '';
    },
  };
}

/**
 * Control, format and line/paragraph separator characters: what a certificate's text must not
 * bring into a reason, a CSV cell or a terminal, where it could hide, reorder or break lines.
 */
export const UNSEEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Text from a certificate quoted in a reason: one line, visible characters, at most 80 of them. */
export function shortened(value: string): string {
  const line = value.replace(UNSEEN_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
