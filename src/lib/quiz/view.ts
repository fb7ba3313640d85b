import type { Locale } from '../i18n/locales';
import type { Position } from './position';
import { allowsSeveral, consequenceOf, feedbackOf, optionsAt, questionOf, titleOf, type Feedback, type QuizOption } from './scenario';
import type { AnswerEntry, QuizFile, Scenario } from './types';

export type { FeedbackItem } from './scenario';

/** What the quiz player shows for a question; derived here so the component holds no rules. */
export interface QuestionView {
  scenario: Scenario;
  number: number;
  /** The story so far (always the scenario's situation) and, in later steps, what happens now. */
  situation: string;
  consequence: string | undefined;
  question: string;
  multiple: boolean;
  options: { id: string; label: string }[];
}

/** An option's label: its own, or the standard label of a fixed option id from the UI strings. */
export function optionLabel(option: QuizOption, locale: Locale, standard: Record<string, string>): string {
  return option.label?.[locale] ?? standard[`option.${option.id}`] ?? option.id;
}

/** The line that names a scenario in lists (the results review, the planner, the presenter summary). */
export function scenarioTitle(scenario: Scenario, locale: Locale): string {
  return titleOf(scenario)[locale];
}

export function questionAt(quiz: QuizFile, position: Position, locale: Locale, standard: Record<string, string>): QuestionView {
  const scenario = quiz.scenarios[position.scenario]!;
  return {
    scenario,
    number: position.scenario + 1,
    situation: scenario.situation[locale],
    consequence: consequenceOf(scenario, position.step)?.[locale],
    question: questionOf(scenario, position.step)[locale],
    multiple: allowsSeveral(scenario),
    options: optionsAt(scenario, position.step).map((o) => ({ id: o.id, label: optionLabel(o, locale, standard) })),
  };
}

export interface FeedbackView extends Feedback {
  scenario: Scenario;
}

/**
 * Feedback for an answer: the options chosen with why; for a wrong single answer also the right
 * one; where several answers are allowed every option (what to tick and what not); for a story
 * step the choice and, at the end of the path, the ending.
 */
export function feedbackFor(quiz: QuizFile, entry: AnswerEntry, scenarioEntries: readonly AnswerEntry[]): FeedbackView {
  const scenario = quiz.scenarios.find((s) => s.id === entry.scenario)!;
  return { scenario, ...feedbackOf(scenario, entry, scenarioEntries) };
}

/** The scenarios of a finished attempt worth reviewing, each with what was chosen and what was right. */
export function reviewOf(quiz: QuizFile, log: readonly AnswerEntry[], scores: readonly { scenario: string; earned: number; max: number }[]) {
  return scores
    .filter((s) => s.earned < s.max)
    .map((s) => {
      const entries = log.filter((e) => e.scenario === s.scenario);
      const last = entries.at(-1);
      const items = last ? feedbackFor(quiz, last, entries).items.filter((i) => i.correct || i.chosen) : [];
      return { ...s, scenario: quiz.scenarios.find((x) => x.id === s.scenario)!, items };
    });
}
