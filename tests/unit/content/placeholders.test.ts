import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fillPlain } from '../../../src/lib/content/fill';
import { FEEDBACK_PLACEHOLDERS, LESSON_PLACEHOLDERS, placeholderProblems, segments } from '../../../src/lib/content/placeholders';
import { checkCourse } from '../../../src/lib/course/check-course';
import type { Locale } from '../../../src/lib/i18n/locales';
import { fillLessonHtml, fillPlainDeep, placeholderFill } from '../../../src/lib/institution/placeholder-fill';
import { loadQuizFile, QuizFileError } from '../../../src/lib/quiz/load-quiz-file';
import { loadInstitution } from '../../../src/server/institution';
import { modules, quizzes } from '../course/content';
import { fixtureData, seeds } from '../helpers';

const ministrija = loadInstitution('tests/fixtures/institutions/ministrija/institution.yaml');
const agentura = loadInstitution('tests/fixtures/institutions/agentura/institution.yaml');
const SENTENCE = { lv: 'Ja šaubāties, jautājiet komunikācijas nodaļai. {contact}', en: 'If in doubt, ask the communication unit. {contact}' } as const;

describe('content placeholders: what the build accepts', () => {
  it('accepts {contact} in feedback and both placeholders in a lesson body, nothing in other fields', () => {
    expect(placeholderProblems(SENTENCE.lv, FEEDBACK_PLACEHOLDERS)).toEqual([]);
    expect(placeholderProblems('{accounts}', LESSON_PLACEHOLDERS)).toEqual([]);
    expect(placeholderProblems('{accounts}', FEEDBACK_PLACEHOLDERS)).toEqual(['{accounts} is not allowed here (here: {contact})']);
    expect(placeholderProblems('Jautājiet. {contact}', [])).toEqual([expect.stringContaining('{contact} is not allowed in this field')]);
  });

  it('names a misspelt placeholder and a lone brace', () => {
    expect(placeholderProblems('Jautājiet. {kontakts}', FEEDBACK_PLACEHOLDERS)).toEqual([expect.stringMatching(/^unknown placeholder \{kontakts\}: the placeholders are \{contact\}, \{accounts\}/)]);
    expect(placeholderProblems('Jautājiet. {Contact}', FEEDBACK_PLACEHOLDERS)).toEqual([expect.stringContaining('unknown placeholder {Contact}')]);
    expect(placeholderProblems('Jautājiet. {contact', FEEDBACK_PLACEHOLDERS)).toEqual([expect.stringContaining('a lone “{”')]);
  });

  it('fails a quiz file with a misspelt placeholder in feedback, naming file › scenario › option › field', () => {
    const data = fixtureData();
    data.scenarios[0].options[0].feedback.lv += ' {saziņa}';
    expect(() => loadQuizFile('quizzes/demo.yaml', stringify(data), seeds)).toThrow(QuizFileError);
    expect(() => loadQuizFile('quizzes/demo.yaml', stringify(data), seeds)).toThrow(/quizzes\/demo\.yaml: scenario "evening-question" › option "official" › feedback\.lv: unknown placeholder \{saziņa\}/);
  });

  it('fails a quiz file with {contact} in an option label (options stay general and alike in form)', () => {
    const data = fixtureData();
    const option = data.scenarios.find((s: any) => s.kind === 'choice').options[0];
    option.label.en += ' {contact}';
    expect(() => loadQuizFile('quizzes/demo.yaml', stringify(data), seeds)).toThrow(new RegExp(`option "${option.id}" › label\\.en: \\{contact\\} is not allowed in this field`));
  });

  it('fails a lesson with a misspelt placeholder or an {accounts} inside a sentence, naming the file and line', () => {
    const [first] = modules;
    const broken = modules.map((m) => (m === first ? { ...m, body: `${m.body}\n\nJautājiet. {kontakt}\n\nTeksts {accounts} turpinās.` } : m));
    const problems = checkCourse(broken, quizzes.map((q) => q.moduleId), seeds);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^modules/${first!.locale}/${first!.id}\\.md › body line \\d+: unknown placeholder \\{kontakt\\}`)));
    expect(problems).toContainEqual(expect.stringMatching(/› body line \d+: \{accounts\} must be a paragraph of its own/));
    const inSummary = modules.map((m) => (m === first ? { ...m, data: { ...m.data, summary: `${m.data.summary} {contact}` } } : m));
    expect(checkCourse(inSummary, quizzes.map((q) => q.moduleId), seeds)).toContainEqual(expect.stringContaining(`${first!.id}.md › summary: {contact} is not allowed in this field`));
  });

  it('the course as it is has no problem with its placeholders, and uses {contact} in lessons and feedback', () => {
    expect(checkCourse(modules, quizzes.map((q) => q.moduleId), seeds).filter((p) => /placeholder|\{/.test(p))).toEqual([]);
    expect(modules.filter((m) => m.body?.includes('{contact}')).length).toBeGreaterThan(0);
    expect(JSON.stringify(quizzes).match(/\{contact\}/g)?.length ?? 0).toBeGreaterThan(10);
  });
});

describe('content placeholders: what each edition shows', () => {
  it('the general edition drops the placeholder and the space before it', () => {
    expect(fillPlain(SENTENCE.lv, placeholderFill(undefined, 'lv'))).toBe('Ja šaubāties, jautājiet komunikācijas nodaļai.');
    expect(fillLessonHtml(`<p>${SENTENCE.en}</p>\n<p>{accounts}</p>\n<p>Next.</p>`, placeholderFill(undefined, 'en'))).toBe('<p>If in doubt, ask the communication unit.</p>\n<p>Next.</p>');
    expect(segments('A. {contact} B.', () => false)).toEqual([{ text: 'A. B.' }]);
  });

  it.each([
    ['lv', 'Ja šaubāties, jautājiet komunikācijas nodaļai. (Jūsu iestādē: Komunikācijas nodaļa, e-pasts komunikacija@testa-ministrija.example, tālrunis +371 67 000 000, 3. stāvs, 312. kabinets, lapa iekštīklā https://intranet.testa-ministrija.example/komunikacija)'],
    ['en', 'If in doubt, ask the communication unit. (In your institution: Communication Unit, e-mail komunikacija@testa-ministrija.example, phone +371 67 000 000, 3rd floor, room 312, intranet page https://intranet.testa-ministrija.example/komunikacija)'],
  ] as const)('an institution’s edition fills {contact} as plain text (%s)', (locale, expected) => {
    expect(fillPlain(SENTENCE[locale], placeholderFill(ministrija, locale))).toBe(expected);
  });

  it.each(['lv', 'en'] as const)('the smallest institution file gives the unit and e-mail only (%s)', (locale: Locale) => {
    const unit = locale === 'lv' ? 'Sabiedrisko attiecību nodaļa' : 'Public Relations Division';
    expect(fillPlain('X. {contact}', placeholderFill(agentura, locale))).toBe(`X. (${locale === 'lv' ? 'Jūsu iestādē:' : 'In your institution:'} ${unit}, ${locale === 'lv' ? 'e-pasts' : 'e-mail'} preses@paraugs.example)`);
    // No accounts: the lesson's {accounts} paragraph goes, as in the general edition.
    expect(fillLessonHtml('<p>{accounts}</p>\n', placeholderFill(agentura, locale))).toBe('');
  });

  it.each(['lv', 'en'] as const)('a lesson’s HTML gets the contact with mailto: and tel: links and the accounts box (%s)', (locale) => {
    const html = fillLessonHtml(`<p>${SENTENCE[locale]}</p>\n<p>{accounts}</p>\n`, placeholderFill(ministrija, locale));
    expect(html).toContain('<span class="contact-chip" data-testid="contact-chip">');
    expect(html).toContain('<a href="mailto:komunikacija@testa-ministrija.example">komunikacija@testa-ministrija.example</a>');
    expect(html).toContain('<a href="tel:+37167000000">+371 67 000 000</a>');
    // Each label with its value in one unbroken item, so a narrow screen never splits „+371 / 67 000 000” or „e- / pasts”.
    expect(html).toContain(`<span class="contact-item">${locale === 'lv' ? 'tālrunis' : 'phone'} <a href="tel:+37167000000">+371 67 000 000</a></span>`);
    expect(html).toContain(`<span class="contact-item">${locale === 'lv' ? 'e-pasts' : 'e-mail'} <a href="mailto:komunikacija@testa-ministrija.example">`);
    expect(html).toContain(locale === 'lv' ? '3. stāvs, 312. kabinets' : '3rd floor, room 312');
    expect(html).toContain('<blockquote class="institution-example" data-testid="lesson-accounts">');
    expect(html).toContain('<li><a href="https://www.facebook.com/TestaMinistrija">Facebook: TestaMinistrija</a></li><li><a href="https://x.com/TestaMin">X: @TestaMin</a></li>');
    expect(html).toContain(locale === 'lv' ? '(Testa ministrija)' : '(Ministry of Testing)');
    expect(html).not.toMatch(/\{(contact|accounts)\}/);
  });

  it('escapes the institution’s text in HTML', () => {
    const fill = placeholderFill(ministrija, 'en');
    fill.contact!.unit = 'R&D <Unit>';
    expect(fillLessonHtml('<p>X. {contact}</p>', fill)).toContain('R&amp;D &lt;Unit&gt;');
  });

  it('fills every text of a quiz for the projector, phones and print, leaving no placeholder', () => {
    for (const institution of [undefined, ministrija, agentura])
      for (const locale of ['lv', 'en'] as const) expect(JSON.stringify(fillPlainDeep(quizzes, placeholderFill(institution, locale)))).not.toMatch(/\{(contact|accounts)\}/);
  });
});
