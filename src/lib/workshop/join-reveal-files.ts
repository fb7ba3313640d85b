import { endingReached, leadsOn, optionsAt, stepsOf, type QuizOption } from '../quiz/scenario';
import { NO_STEP, type JoinReveal } from './join-reveal';
import type { PresenterModuleData } from './presenter-data';

/** Fields of an option a phone needs to explain it; nothing that leads on or scores. */
const explainOption = (o: QuizOption): QuizOption => ({ id: o.id, feedback: o.feedback, source: o.source }) as QuizOption;

/** Every step's reveal file of a module, in the module data's language. */
export function joinReveals(data: PresenterModuleData): { params: { module: string; scenario: string; step: string }; reveal: JoinReveal }[] {
  return data.scenarios.flatMap((s) =>
    stepsOf(s).map((step) => {
      const options = optionsAt(s, step);
      const endings: JoinReveal['endings'] = {};
      if (leadsOn(s))
        for (const o of options) {
          const reached = endingReached(s, [{ scenario: s.id, step, choice: [o.id] }]);
          if (reached) endings[o.id] = { outcome: data.outcomes[reached.outcome] ?? reached.outcome, text: reached.text[data.locale] ?? '' };
        }
      return {
        params: { module: data.id, scenario: s.id, step: step ?? NO_STEP },
        reveal: { module: data.id, scenario: s.id, step: step ?? null, locale: data.locale, options: options.map(explainOption), endings },
      };
    }),
  );
}
