import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCourse } from '../../../src/lib/course/check-course';
import { quoteMarkProblem } from '../../../src/lib/course/quote-marks';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { fixtureData, root, seeds } from '../helpers';
import { modules, quizzes } from './content';

const problemsOf = (data: unknown) => {
  const result = validateQuiz(data, seeds);
  return result.ok ? [] : result.problems;
};

describe('typographic quotation marks (issue 11)', () => {
  it('lets English apostrophes and “…” / ‘…’ through, and Latvian „…”', () => {
    for (const text of ['The ministry’s account', 'don’t', 'ministries’ staff', 'the guidelines’ advice', 'a “flood of words”', 'she said: “It’s ‘human’ language.”', 'it’s the “X” slide'])
      expect(quoteMarkProblem(text, 'en'), text).toBeUndefined();
    for (const text of ['vadlīnijas saka: „rakstiet cilvēcīgi”', 'Kā teica „Twitter” lietotājs', 'Iestādes konts'])
      expect(quoteMarkProblem(text, 'lv'), text).toBeUndefined();
  });

  it('fails straight double quotes in either locale', () => {
    expect(quoteMarkProblem('She writes: "Why?"', 'en')).toMatch(/straight quotation mark " in .*use “…”/);
    expect(quoteMarkProblem('Viņa raksta: "Kāpēc?"', 'lv')).toMatch(/straight quotation mark " in .*use „…”/);
  });

  it('fails a straight apostrophe in English (the course writes ’), and says so', () => {
    expect(quoteMarkProblem("The ministry's account", 'en')).toBe(`straight apostrophe ' in "The ministry's account": use ’`);
    expect(quoteMarkProblem("don't", 'en')).toMatch(/straight apostrophe ' in "don't": use ’$/);
    expect(quoteMarkProblem("the ministries' staff", 'en')).toMatch(/straight apostrophe ' in .*: use ’$/);
    // Latvian has no apostrophes of its own; a name typed with one between letters is left alone there.
    expect(quoteMarkProblem("O'Braiens", 'lv')).toBeUndefined();
  });

  it('fails a straight single quote in English that is no apostrophe: an opening one, or a closing one not after s', () => {
    expect(quoteMarkProblem("A page called 'VSAA' with the logo", 'en')).toMatch(/straight quotation mark ' in "A page called 'VSAA' /);
    expect(quoteMarkProblem("they say the council is hiding it'.", 'en')).toMatch(/straight quotation mark '/);
    expect(quoteMarkProblem("('flood of words')", 'en')).toMatch(/straight quotation mark '/);
  });

  it('fails an English ‘…’ that is not inside “…” (one style of quotes across the course)', () => {
    expect(quoteMarkProblem('the post says ‘pointless meetings’', 'en')).toMatch(/single quotation mark ‘ in .*only inside them/);
    expect(quoteMarkProblem('“first” and then ‘second’', 'en')).toMatch(/single quotation mark ‘/);
    expect(quoteMarkProblem('she said: “It’s ‘human’ language.”', 'en')).toBeUndefined();
  });

  it('fails an English ’ that closes nothing (a quotation closed by an apostrophe)', () => {
    expect(quoteMarkProblem('he asks: “Those are other countries” documents – may we show them?’', 'en')).toMatch(/closing quotation mark ’ in .*closes nothing/);
    for (const text of ['the ministry’s account', 'other countries’ documents', 'she said: “It’s ‘human’ language.”'])
      expect(quoteMarkProblem(text, 'en'), text).toBeUndefined();
  });

  it('fails English or French quotation marks and straight quotes in Latvian', () => {
    expect(quoteMarkProblem('lapa “VSAA” ar logo', 'lv')).toMatch(/quotation mark “ .*Latvian uses „…”/);
    expect(quoteMarkProblem('lapa «VSAA» ar logo', 'lv')).toMatch(/quotation mark « /);
    expect(quoteMarkProblem("lapa 'VSAA' ar logo", 'lv')).toMatch(/straight quotation mark '/);
  });

  it('names the quiz scenario, option and field, and leaves the seed quote (lv) to the verbatim check', () => {
    const data = fixtureData();
    data.scenarios[0].options[0].feedback.en = "Yes: reply 'on behalf of the institution'.";
    data.scenarios[1].situation.lv = 'Kolēģis grib publicēt “vēstules” saturu.';
    data.scenarios[0].options[0].source.quote.en = `"${data.scenarios[0].options[0].source.quote.en}"`;
    const problems = problemsOf(data);
    expect(problems).toContain(`scenario "evening-question" › option "official" › feedback.en: straight quotation mark ' in "Yes: reply 'on behalf of the institu": use “…” (nested ‘…’), and ’ for an apostrophe`);
    expect(problems.some((p) => p.startsWith('scenario "letter-content" › situation.lv: quotation mark “ in '))).toBe(true);
    expect(problems.some((p) => p.startsWith('scenario "evening-question" › option "official" › source.quote.en: straight quotation mark "'))).toBe(true);
    expect(problems).toHaveLength(3);
    // The Latvian seed quote is not held to the rule (the seed itself has “…” in places).
    const seedQuote = fixtureData();
    seedQuote.scenarios[0].options[0].source.quote.lv = 'Pētījums “Designing social media policy for government: Eight essential elements”';
    seedQuote.scenarios[0].options[0].source.seed = '000_1633997fd070a9ff.txt';
    expect(problemsOf(seedQuote)).toEqual([]);
  });

  it('names the lesson file and field: frontmatter strings and body lines, not the seed quotes', () => {
    const en = modules.find((m) => m.locale === 'en')!;
    const lv = modules.find((m) => m.locale === 'lv' && m.id === en.id)!;
    const broken = modules.map((m) => {
      if (m === en) return { ...m, data: { ...m.data, keyPoints: ['Use "human" language.', ...m.data.keyPoints.slice(1)] }, body: `Intro.\nA page called 'VSAA'.\n${m.body}` };
      if (m === lv) return { ...m, data: { ...m.data, facilitator: { ...m.data.facilitator, questions: ['Ko nozīmē “cilvēciska” valoda?', ...m.data.facilitator.questions.slice(1)] } } };
      return m;
    });
    const problems = checkCourse(broken, quizzes.map((q) => q.moduleId), seeds);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(new RegExp(`^modules/lv/${lv.id}\\.md › facilitator\\.questions #1: quotation mark “ in `));
    expect(problems[1]).toMatch(new RegExp(`^modules/en/${en.id}\\.md › keyPoints #1: straight quotation mark " in `));
    expect(problems[2]).toMatch(new RegExp(`^modules/en/${en.id}\\.md › body line 2: straight quotation mark ' in `));
  });

  it('passes the real content: every lesson, module quiz and final-test file', () => {
    expect(checkCourse(modules, quizzes.map((q) => q.moduleId), seeds).filter((p) => p.includes('quotation mark'))).toEqual([]);
    // readQuizzes throws, naming every problem, when a file fails validation (quotation marks included).
    expect(readQuizzes(root).length).toBeGreaterThanOrEqual(8);
    expect(readQuizzes(root, join(root, 'quizzes', 'final-test')).length).toBe(8);
    // Reads and validates every content file (about 2 s alone, 6–15 s on a loaded two-core machine).
  }, 60_000);
});
