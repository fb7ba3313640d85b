import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadQuizFile, QuizFileError } from '../../../src/lib/quiz/load-quiz-file';
import { validateQuiz } from '../../../src/lib/quiz/validate-quiz';
import { fixtureData, seeds } from '../helpers';

function problemsOf(data: unknown): string[] {
  const result = validateQuiz(data, seeds);
  return result.ok ? [] : result.problems;
}

const branching = (data: any) => data.scenarios.find((s: any) => s.kind === 'branching');

describe('quiz validation', () => {
  it('accepts the fixture with every scenario kind', () => {
    expect(problemsOf(fixtureData())).toEqual([]);
  });

  it('rejects a missing locale string, naming the scenario, option and field', () => {
    const data = fixtureData();
    delete data.scenarios[0].options[0].feedback.en;
    expect(problemsOf(data)).toEqual([expect.stringMatching(/^scenario "evening-question" › option "official" › feedback\.en: /)]);
  });

  it('rejects an empty string in one locale', () => {
    const data = fixtureData();
    data.scenarios[1].situation.lv = '   ';
    expect(problemsOf(data)).toEqual([expect.stringContaining('scenario "letter-content" › situation.lv: the "lv" text is empty')]);
  });

  it('rejects an unknown branch target, naming scenario, step and option', () => {
    const data = fixtureData();
    branching(data).steps[1].options[0].next = 'nowhere';
    expect(problemsOf(data)).toContain('scenario "angry-thread" › step "second" › option "email" › next: "nowhere" is neither a step nor an ending of this scenario');
  });

  it('rejects an unreachable step', () => {
    const data = fixtureData();
    branching(data).steps[1].options[1].next = 'resolved'; // nothing leads to "third" any more
    expect(problemsOf(data)).toContain('scenario "angry-thread" › step "third": unreachable from start "first"');
  });

  it('rejects an unreachable ending', () => {
    const data = fixtureData();
    branching(data).steps[2].options[0].next = 'deleted'; // nothing leads to "recovered"
    expect(problemsOf(data)).toContain('scenario "angry-thread" › ending "recovered": unreachable from start "first"');
  });

  it('rejects a path with no ending (a loop)', () => {
    const data = fixtureData();
    branching(data).steps[2].options[1].next = 'first';
    expect(problemsOf(data)).toContain('scenario "angry-thread" › step "third" › option "ignore" › next: leads back to "first", a path with no ending');
  });

  it('rejects an option without feedback', () => {
    const data = fixtureData();
    delete branching(data).steps[0].options[1].feedback;
    expect(problemsOf(data)).toEqual([expect.stringMatching(/^scenario "angry-thread" › step "first" › option "delete" › feedback: /)]);
  });

  it('rejects duplicate scenario ids', () => {
    const data = fixtureData();
    data.scenarios[1].id = data.scenarios[0].id;
    expect(problemsOf(data)).toContain('scenario "evening-question" › id: duplicate scenario id');
  });

  it('rejects duplicate option ids and duplicate step ids', () => {
    const data = fixtureData();
    data.scenarios[2].options[1].id = 'polite';
    branching(data).steps[2].id = 'second';
    const problems = problemsOf(data);
    expect(problems).toContain('scenario "good-principles" › option "polite" › id: duplicate option id');
    expect(problems).toContain('scenario "angry-thread" › step "second" › id: duplicate step or ending id');
  });

  it('rejects a start that is not a step', () => {
    const data = fixtureData();
    branching(data).start = 'resolved';
    expect(problemsOf(data)).toContain('scenario "angry-thread" › start: "resolved" is not a step of this scenario');
  });

  it('rejects answer keys with no or several right answers', () => {
    const data = fixtureData();
    data.scenarios[0].options[1].correct = true;
    data.scenarios[2].options[1].correct = false;
    const problems = problemsOf(data);
    expect(problems).toContain('scenario "evening-question" › options: exactly one option must be correct, found 2');
    expect(problems).toContain('scenario "good-principles" › options: a multi scenario needs at least two correct options, found 1');
  });

  it('rejects an account option outside the fixed set', () => {
    const data = fixtureData();
    data.scenarios[0].options[1].id = 'twitter';
    expect(problemsOf(data)).toContain('scenario "evening-question" › option "twitter" › id: a account option must be one of official, personal-named, personal-private, offline');
  });

  it('rejects a quote that is not word for word in the seed', () => {
    const data = fixtureData();
    data.scenarios[0].options[0].source.quote.lv = 'Atbildēt uzreiz un vienmēr.';
    expect(problemsOf(data)).toEqual([expect.stringContaining('scenario "evening-question" › option "official" › source.quote: not found word for word in 001_7cdec0fa160c0599.txt')]);
  });

  it('rejects an unknown scenario kind', () => {
    const data = fixtureData();
    data.scenarios[0].kind = 'essay';
    expect(problemsOf(data)[0]).toMatch(/^scenario "evening-question" › kind: /);
  });

  it('requires a module quiz scenario’s discussion question in both locales, naming file › scenario › field', () => {
    const data = fixtureData();
    data.scenarios.forEach((s: any, i: number) => (s.discussion = { lv: `Kā jūs rīkotos ${i}?`, en: `What would you do ${i}?` }));
    expect(() => loadQuizFile('quizzes/demo.yaml', stringify(data), seeds, { module: true })).not.toThrow();
    delete data.scenarios[1].discussion;
    delete data.scenarios[4].discussion.en;
    let error: unknown;
    try {
      loadQuizFile('quizzes/demo.yaml', stringify(data), seeds, { module: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuizFileError);
    expect((error as QuizFileError).problems).toEqual([
      expect.stringMatching(/^scenario "letter-content" › discussion: missing: every module-quiz scenario needs a question for the room/),
      expect.stringMatching(/^scenario "angry-thread" › discussion\.en: /),
    ]);
    expect((error as Error).message).toContain('quizzes/demo.yaml: scenario "letter-content" › discussion: missing');
    // The final test's bank (no `module`) has none and needs none.
    expect(problemsOf(fixtureData())).toEqual([]);
  });

  it('loadQuizFile names the file in every problem and the YAML error', () => {
    const data = fixtureData();
    branching(data).steps[0].options[0].next = 'gone';
    expect(() => loadQuizFile('quizzes/demo.yaml', stringify(data), seeds)).toThrowError(
      /quizzes\/demo\.yaml: scenario "angry-thread" › step "first" › option "reply" › next: "gone"/,
    );
    expect(() => loadQuizFile('quizzes/bad.yaml', 'scenarios: [\n', seeds)).toThrowError(QuizFileError);
    expect(() => loadQuizFile('quizzes/bad.yaml', 'scenarios: [\n', seeds)).toThrowError(/quizzes\/bad\.yaml: YAML: /);
  });
});
