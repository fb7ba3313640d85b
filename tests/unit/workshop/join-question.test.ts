import { describe, expect, it } from 'vitest';
import { readQuizzes } from '../../../src/lib/course/read-sources';
import { allowsSeveral, questionOf, startOf } from '../../../src/lib/quiz/scenario';
import { withoutPickInstruction } from '../../../src/lib/workshop/join-question';

describe('the phone says how to answer a multi question once', () => {
  it('drops a trailing instruction to pick several, in either language', () => {
    expect(withoutPickInstruction('Kuri argumenti atbilst? (Izvēlieties visas pareizās atbildes.)')).toBe('Kuri argumenti atbilst?');
    expect(withoutPickInstruction('Which arguments match? (Select all that apply.)')).toBe('Which arguments match?');
    expect(withoutPickInstruction('Which replies fit?  (choose every answer that fits) ')).toBe('Which replies fit?');
  });

  it('keeps any other parenthesis, and a question without one', () => {
    expect(withoutPickInstruction('What does the slide („Robežas”) say? (see page 3)')).toBe('What does the slide („Robežas”) say? (see page 3)');
    expect(withoutPickInstruction('Kam jāatbild?')).toBe('Kam jāatbild?');
    expect(withoutPickInstruction('(Select all that apply.) Which?')).toBe('(Select all that apply.) Which?');
  });

  it('leaves no multi question of the course with its own instruction on the phone', () => {
    const multi = readQuizzes(process.cwd()).flatMap((q) => q.scenarios.filter((s) => allowsSeveral(s)));
    expect(multi.length).toBeGreaterThan(0);
    for (const s of multi)
      for (const lang of ['lv', 'en'] as const) expect(withoutPickInstruction(questionOf(s, startOf(s))[lang]), `${s.id} ${lang}`).not.toMatch(/\((izvēlieties|atzīmējiet|select|choose)[^()]*\)\s*$/iu);
  });
});
