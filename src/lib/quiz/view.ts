import type { Locale } from '../i18n/locales';
import type { Position } from './position';
import { endingReached, isCorrectChoice } from './scoring';
import type { AnswerEntry, AnswerOption, BranchOption, QuizFile, Scenario } from './types';

/** What the quiz player shows for a question; derived here so the component holds no rules. */
export interface QuestionView {
  scenario: Scenario;
  number: number;
  /** The story so far (always the scenario's situation) and, in later branching steps, what happens now. */
  situation: string;
  consequence: string | undefined;
  question: string;
  multiple: boolean;
  options: { id: string; label: string }[];
}

export function optionLabel(option: AnswerOption | BranchOption, locale: Locale, standard: Record<string, string>): string {
  return option.label?.[locale] ?? standard[`option.${option.id}`] ?? option.id;
}

export function questionAt(quiz: QuizFile, position: Position, locale: Locale, standard: Record<string, string>): QuestionView {
  const scenario = quiz.scenarios[position.scenario]!;
  const base = { scenario, number: position.scenario + 1, situation: scenario.situation[locale] };
  if (scenario.kind === 'branching') {
    const step = scenario.steps.find((s) => s.id === position.step)!;
    return {
      ...base,
      consequence: step.situation?.[locale],
      question: step.question[locale],
      multiple: false,
      options: step.options.map((o) => ({ id: o.id, label: optionLabel(o, locale, standard) })),
    };
  }
  return {
    ...base,
    consequence: undefined,
    question: scenario.question[locale],
    multiple: scenario.kind === 'multi',
    options: scenario.options.map((o) => ({ id: o.id, label: optionLabel(o, locale, standard) })),
  };
}

export interface FeedbackItem {
  option: AnswerOption | BranchOption;
  chosen: boolean;
  /** Undefined for branching choices, which are not right or wrong but lead somewhere. */
  correct: boolean | undefined;
}

export interface FeedbackView {
  scenario: Scenario;
  /** Undefined for a branching step. */
  correct: boolean | undefined;
  items: FeedbackItem[];
  ending: ReturnType<typeof endingReached>;
}

/**
 * Feedback for an answer: the options chosen with why; for a wrong single answer also the right
 * one; for multi every option (what to tick and what not); for a branching step the choice and,
 * at the end of the path, the ending.
 */
export function feedbackFor(quiz: QuizFile, entry: AnswerEntry, scenarioEntries: readonly AnswerEntry[]): FeedbackView {
  const scenario = quiz.scenarios.find((s) => s.id === entry.scenario)!;
  if (scenario.kind === 'branching') {
    const step = scenario.steps.find((s) => s.id === entry.step)!;
    const items = step.options.filter((o) => entry.choice.includes(o.id)).map((option) => ({ option, chosen: true, correct: undefined }));
    return { scenario, correct: undefined, items, ending: endingReached(scenario, scenarioEntries) };
  }
  const correct = isCorrectChoice(scenario, entry.choice);
  const shown = scenario.kind === 'multi' ? scenario.options : scenario.options.filter((o) => entry.choice.includes(o.id) || (!correct && o.correct));
  const items = shown.map((option) => ({ option, chosen: entry.choice.includes(option.id), correct: option.correct }));
  // The learner's own answer first, then the right one they missed (multi keeps the option order).
  if (scenario.kind !== 'multi') items.sort((a, b) => Number(b.chosen) - Number(a.chosen));
  return { scenario, correct, items, ending: undefined };
}
