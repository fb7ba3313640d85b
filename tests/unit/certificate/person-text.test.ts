import { describe, expect, it } from 'vitest';
import { checkIssueRequest, type CourseQuiz } from '../../../src/lib/certificate/issue-request';
import { isJsonMediaType } from '../../../src/lib/certificate/media-type';
import { bestAnswers } from '../../../src/lib/quiz/answer-key';
import { fixtureQuiz } from '../helpers';

const quiz = fixtureQuiz();
const course: CourseQuiz[] = [{ id: 'first', title: { lv: 'Pirmais', en: 'First' }, quiz }];
const request = (fields: Record<string, unknown>) => checkIssueRequest({ name: 'Anna Bērziņa', locale: 'lv', logs: { first: bestAnswers(quiz) }, ...fields }, course);
const code = (fields: Record<string, unknown>) => {
  const result = request(fields);
  return result.ok ? 'accepted' : result.code;
};

describe('names and institutions on a certificate are visible text', () => {
  it.each([
    ['zero-width characters only', '\u200B\u200C\u200D\u2060'],
    ['a zero-width space inside', 'Anna\u200BBērziņa'],
    ['a byte-order mark inside', 'Anna\uFEFFBērziņa'],
    ['a right-to-left mark and a left-to-right mark', 'Anna\u200F Bērziņa\u200E'],
    ['an Arabic letter mark', 'Anna\u061CBērziņa'],
    ['a right-to-left override', 'Anna\u202EBērziņa'],
    ['a soft hyphen', 'An\u00ADna Bērziņa'],
    ['Hangul fillers only (U+3164)', '\u3164\u3164'],
    ['a Hangul choseong filler (U+115F)', 'Anna\u115F Bērziņa'],
    ['a Hangul jungseong filler (U+1160)', 'Anna\u1160'],
    ['a halfwidth Hangul filler (U+FFA0)', 'Anna \uFFA0Bērziņa'],
    ['tag characters', 'Anna \u{E0041}\u{E0042} Bērziņa'],
    ['a line separator', 'Anna Bērziņa\u2028Apstiprināts: Valsts kanceleja'],
    ['a paragraph separator', 'Anna\u2029Bērziņa'],
    ['a lone variation selector', '\uFE0FAnna Bērziņa'],
    ['a variation selector after a space', 'Anna \uFE0F Bērziņa'],
    ['a private-use character', 'Anna \uE000'],
    ['sixty combining marks on one letter', `Z${'\u0301'.repeat(60)}algo`],
    ['a Cyrillic look-alike letter inside a Latin word (homoglyph)', '\u0410nna Bērziņa'],
    ['a Greek look-alike letter inside a Latin word', 'Anna B\u0395rziņa'],
    ['Mongolian free variation selectors (default-ignorable)', 'Anna Bērziņa\u180B\u180B'],
    ['an unassigned default-ignorable code point', 'Anna\u2065 Bērziņa'],
  ])('refuses a name with %s', (_, name) => {
    expect(code({ name })).toBe('name-invalid');
  });

  it.each([
    ['a lone surrogate', 'Anna \uD800'],
    ['a replacement character (undecodable bytes)', 'Anna \uFFFD\uFFFD('],
  ])('refuses a name with %s', (_, name) => {
    expect(request({ name })).toMatchObject({ ok: false, code: 'name-invalid', message: expect.stringContaining('could not be read') });
  });

  it.each([
    ['one letter', 'A'],
    ['digits and punctuation', '12345 -.'],
    ['one letter and an emoji', 'A 😀'],
  ])('refuses a name with fewer than two letters: %s', (_, name) => {
    expect(code({ name })).toBe('name-letters');
  });

  it.each([
    ['zero-width characters', '\u200B\u200B'],
    ['a right-to-left mark', 'Valsts\u200F kanceleja'],
    ['a line separator', 'VK\u2028Apstiprināts'],
    ['tag characters', 'VK\u{E0001}'],
    ['a Cyrillic look-alike inside a word', 'Valsts kan\u0441eleja'],
    ['Mongolian free variation selectors only', '\u180B\u180C\u180D\u180F'],
  ])('refuses an institution with %s', (_, institution) => {
    expect(code({ institution })).toBe('institution-invalid');
  });

  it.each([
    ['a Latvian name', 'Anna Bērziņa'],
    ['a two-letter name', 'Li'],
    ['an apostrophe and hyphen', 'Jānis O’Brien-Ozoliņš'],
    ['Cyrillic and Greek', 'Анна Βέρζινα'],
    ['an emoji with a variation selector', 'Anna ❤️ Bērziņa'],
    ['decomposed diacritics (normalised to NFC)', 'Be\u0304rzin\u0327a'],
  ])('accepts %s', (_, name) => {
    expect(code({ name })).toBe('accepted');
  });

  it('signs a name with a straight apostrophe as typed (the content’s ’ rule is not applied to what a learner types)', () => {
    const result = request({ name: "Jānis O'Brien", institution: "St John's Ambulance" });
    expect(result.ok && [result.request.name, result.request.institution]).toEqual(["Jānis O'Brien", "St John's Ambulance"]);
  });

  it('signs the name NFC-normalised and trimmed', () => {
    const result = request({ name: '  Be\u0304rzin\u0327a  ' });
    expect(result.ok && result.request.name).toBe('Bērziņa');
  });
});

describe('the content type of a certificate request', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', ' application/json '])('accepts %j', (header) => {
    expect(isJsonMediaType(header)).toBe(true);
  });
  it.each(['application/jsonp-evil', 'application/json-patch+json', 'text/plain; charset=application/json', 'text/plain;application/json', 'xapplication/json', '', null])('refuses %j', (header) => {
    expect(isJsonMediaType(header)).toBe(false);
  });
});
