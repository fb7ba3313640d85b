import { advance, firstPosition, optionIdsAt, replay, type Position } from '../quiz/position';
import type { AnswerLog, Quiz } from '../quiz/types';
import { emptyModule, emptyProgress, type ModuleProgress, type Progress } from '../progress/progress-data';

/**
 * Progress in SCORM `suspend_data`, which SCORM 1.2 caps at 4,096 characters. Answers are stored as
 * option positions, one character each, because the quiz itself says which scenario and step comes
 * next; the whole course passed fits in a few hundred characters.
 *
 * Format: `s1~` then one record per module in course order, joined by `,`; a record's fields are
 * joined by `.`: status (n/i/p), best percent (base 36, empty when none), attempts (base 36),
 * last update in minutes since 2020 (base 36, empty when none), the best attempt's answers,
 * the current attempt's phase (a/f, empty when none) followed by its answers.
 */
const VERSION = 's1~';
const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const EPOCH = Date.UTC(2020, 0, 1);
const STATUS = { 'not-started': 'n', 'in-progress': 'i', passed: 'p' } as const;

function encodeLog(quiz: Quiz, log: AnswerLog): string {
  let position: Position | undefined = firstPosition(quiz);
  let out = '';
  for (const entry of log) {
    if (!position) break;
    const ids = optionIdsAt(quiz, position);
    // One character: the option's position, or for several options a bit per option.
    const code = entry.choice.length === 1 && quiz.scenarios[position.scenario]!.kind !== 'multi' ? ids.indexOf(entry.choice[0]!) : entry.choice.reduce((bits, id) => bits | (1 << ids.indexOf(id)), 0);
    out += CHARS[code] ?? '';
    position = advance(quiz, position, entry.choice);
  }
  return out;
}

function decodeLog(quiz: Quiz, text: string): AnswerLog | undefined {
  let position: Position | undefined = firstPosition(quiz);
  const log: AnswerLog = [];
  for (const char of text) {
    if (!position) return undefined;
    const code = CHARS.indexOf(char);
    if (code < 0) return undefined;
    const ids = optionIdsAt(quiz, position);
    const scenario = quiz.scenarios[position.scenario]!;
    const choice = scenario.kind === 'multi' ? ids.filter((_, i) => code & (1 << i)) : ids[code] !== undefined ? [ids[code]!] : [];
    if (!choice.length) return undefined;
    log.push(position.step === undefined ? { scenario: scenario.id, choice } : { scenario: scenario.id, step: position.step, choice });
    position = advance(quiz, position, choice);
  }
  return replay(quiz, log).ok ? log : undefined;
}

const minutes = (iso: string | null) => (iso ? Math.max(0, Math.round((Date.parse(iso) - EPOCH) / 60000)).toString(36) : '');

export function encodeSuspendData(progress: Progress, quizzes: readonly Quiz[]): string {
  return (
    VERSION +
    quizzes
      .map((quiz) => {
        const m = progress.modules[quiz.moduleId] ?? emptyModule();
        const current = m.current ? `${m.current.phase === 'feedback' ? 'f' : 'a'}${encodeLog(quiz, m.current.log)}` : '';
        return [STATUS[m.status], m.bestPercent === null ? '' : m.bestPercent.toString(36), m.attempts.toString(36), minutes(m.updatedAt), m.bestLog ? encodeLog(quiz, m.bestLog) : '', current].join('.');
      })
      .join(',')
  );
}

/** Reads suspend data back; undefined when it is not ours or does not fit the course (then the course keeps the browser's progress). */
export function decodeSuspendData(text: string, quizzes: readonly Quiz[]): Progress | undefined {
  if (!text.startsWith(VERSION)) return undefined;
  const records = text.slice(VERSION.length).split(',');
  if (records.length !== quizzes.length) return undefined;
  const progress = emptyProgress();
  for (const [i, quiz] of quizzes.entries()) {
    const [status, best, attempts, updated, bestLog, current] = records[i]!.split('.');
    if (current === undefined) return undefined;
    const when = updated ? new Date(EPOCH + parseInt(updated, 36) * 60000).toISOString() : null;
    const module: ModuleProgress = {
      ...emptyModule(),
      status: status === 'p' ? 'passed' : status === 'i' ? 'in-progress' : 'not-started',
      bestPercent: best ? Math.min(100, parseInt(best, 36)) : null,
      attempts: parseInt(attempts || '0', 36) || 0,
      updatedAt: when,
      startedAt: status === 'n' ? null : when,
      bestLog: bestLog ? (decodeLog(quiz, bestLog) ?? null) : null,
      current: current ? { phase: current[0] === 'f' ? 'feedback' : 'answering', log: decodeLog(quiz, current.slice(1)) ?? [] } : null,
    };
    if (module.status === 'passed') module.passedAt = when;
    if (module.status === 'passed' && !module.bestLog) return undefined;
    if (module.status !== 'not-started' || module.current) progress.modules[quiz.moduleId] = module;
  }
  return progress;
}

/** What the LMS is told: modules passed and the average best score. */
export function courseReport(progress: Progress, quizzes: readonly Quiz[]) {
  const modules = quizzes.map((q) => progress.modules[q.moduleId]);
  return {
    passedModules: modules.filter((m) => m?.status === 'passed').length,
    totalModules: quizzes.length,
    scorePercent: modules.reduce((sum, m) => sum + (m?.bestPercent ?? 0), 0) / Math.max(1, quizzes.length),
    suspendData: encodeSuspendData(progress, quizzes),
  };
}
