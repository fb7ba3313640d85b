import { attemptProblem, attemptQuiz, type AttemptSpec } from '../quiz/attempt';
import { regrade } from '../quiz/regrade';
import { advance, firstPosition, replay, type Position } from '../quiz/position';
import { isSeed } from '../quiz/random';
import { decodeChoice, encodeChoice, optionsAt } from '../quiz/scenario';
import type { AnswerLog, Quiz, QuizFile } from '../quiz/types';
import { emptyModule, emptyProgress, type ModuleProgress, type Progress } from '../progress/progress-data';

/**
 * Progress in SCORM `suspend_data`, which SCORM 1.2 caps at 4,096 characters. Answers are stored as
 * option positions (in the quiz file's order, so the shuffle never matters), one character each,
 * because the quiz itself says which scenario and step comes next.
 *
 * Format `s2~`: one record per module, joined by `,`, each `<module id>:` and then fields joined
 * by `.`: status (n/i/p), best percent (base 36), attempts (base 36), last update in minutes since
 * 2020 (base 36), the best attempt's draw and answers, the current attempt's phase (a/f, empty when
 * none), draw and answers. A draw is the seed in base 36, `/`, and three characters per drawn
 * scenario (a hash of its id, so adding scenarios to a pool keeps stored attempts readable);
 * empty for an attempt from before shuffling (every scenario, file order). Records name their
 * module, so a course that gains or loses a module keeps what the LMS holds for the others.
 * `s1~` (records in course order, no draws) is still read.
 */
const VERSION = 's2~';
const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const EPOCH = Date.UTC(2020, 0, 1);
const STATUS = { 'not-started': 'n', 'in-progress': 'i', passed: 'p' } as const;

/** Three characters naming a scenario id (18 bits; pools hold tens of scenarios). */
function idHash(id: string): string {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return CHARS[hash & 63]! + CHARS[(hash >>> 6) & 63]! + CHARS[(hash >>> 12) & 63]!;
}

/** Scenario ids of one quiz whose short hashes collide (the build refuses them: suspend data could not tell them apart). */
export function idHashCollisions(quiz: QuizFile): string[] {
  const seen = new Map<string, string>();
  return quiz.scenarios.flatMap((s) => {
    const other = seen.get(idHash(s.id));
    seen.set(idHash(s.id), s.id);
    return other ? [`scenario "${s.id}" › id: its short hash in SCORM suspend data is the same as "${other}"'s; rename one`] : [];
  });
}

/** An attempt spec fit for this quiz, or undefined (stored data is untrusted: a crafted draw must not crash or pass). */
const usable = (quiz: QuizFile, spec: AttemptSpec | null | undefined): spec is AttemptSpec => !!spec && attemptProblem(quiz, spec) === undefined;

function encodeDraw(spec: AttemptSpec): string {
  if (spec.seed === null || !spec.drawn) return '';
  return `${spec.seed.toString(36)}/${spec.drawn.map(idHash).join('')}`;
}

function decodeDraw(quiz: QuizFile, text: string): AttemptSpec | undefined {
  if (!text) return usable(quiz, { seed: null, drawn: null }) ? { seed: null, drawn: null } : undefined;
  const [seedText = '', hashes = ''] = text.split('/');
  const seed = /^[0-9a-z]{1,7}$/.test(seedText) ? parseInt(seedText, 36) : NaN;
  if (!isSeed(seed) || !hashes || hashes.length % 3) return undefined;
  const drawn: string[] = [];
  for (let i = 0; i < hashes.length; i += 3) {
    const scenario = quiz.scenarios.find((s) => idHash(s.id) === hashes.slice(i, i + 3));
    if (!scenario) return undefined;
    drawn.push(scenario.id);
  }
  return usable(quiz, { seed, drawn }) ? { seed, drawn } : undefined;
}

/** Whether a module's best attempt really passes: re-graded, as the server would, not taken on trust. */
export function gradedBest(quiz: QuizFile, m: ModuleProgress | undefined): number | undefined {
  // regrade refuses an attempt the quiz could not have drawn, as `usable` would.
  if (!m?.bestLog) return undefined;
  const graded = regrade(quiz, m.bestLog, m.bestDraw ?? { seed: null });
  return graded.ok && graded.score.passed ? graded.score.percent : undefined;
}

/** Walks the attempt's scenarios in file order of options: the order never affects the codes. */
const unshuffled = (quiz: QuizFile, spec: AttemptSpec) => attemptQuiz(quiz, { seed: null, drawn: spec.drawn ?? null });

function encodeLog(pool: QuizFile, spec: AttemptSpec, log: AnswerLog): string {
  const quiz = unshuffled(pool, spec);
  let position: Position | undefined = firstPosition(quiz);
  let out = '';
  for (const entry of log) {
    if (!position) break;
    const scenario = quiz.scenarios[position.scenario]!;
    const ids = optionsAt(scenario, position.step).map((o) => o.id);
    out += CHARS[encodeChoice(scenario, ids, entry.choice)] ?? '';
    position = advance(quiz, position, entry.choice);
  }
  return out;
}

function decodeLog(pool: QuizFile, spec: AttemptSpec, text: string): AnswerLog | undefined {
  const quiz = unshuffled(pool, spec);
  let position: Position | undefined = firstPosition(quiz);
  const log: AnswerLog = [];
  for (const char of text) {
    if (!position) return undefined;
    const code = CHARS.indexOf(char);
    if (code < 0) return undefined;
    const scenario = quiz.scenarios[position.scenario]!;
    const choice = decodeChoice(scenario, optionsAt(scenario, position.step).map((o) => o.id), code);
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
        const best = m.bestLog && usable(quiz, m.bestDraw) ? [encodeDraw(m.bestDraw), encodeLog(quiz, m.bestDraw, m.bestLog)] : ['', ''];
        const current = m.current && usable(quiz, m.current) ? [m.current.phase === 'feedback' ? 'f' : 'a', encodeDraw(m.current), encodeLog(quiz, m.current, m.current.log)] : ['', '', ''];
        const fields = [STATUS[m.status], m.bestPercent === null ? '' : m.bestPercent.toString(36), m.attempts.toString(36), minutes(m.updatedAt), ...best, ...current];
        return `${quiz.moduleId}:${fields.join('.')}`;
      })
      .join(',')
  );
}

interface RecordFields {
  status: string;
  best: string;
  attempts: string;
  updated: string;
  bestDraw: string;
  bestLog: string;
  phase: string;
  currentDraw: string;
  currentLog: string;
}

/** Minutes since 2020 back to a date; anything unreadable or beyond 2100 is no date. */
function readMinutes(text: string): string | null {
  const minutes = /^[0-9a-z]{1,8}$/.test(text) ? parseInt(text, 36) : NaN;
  const time = EPOCH + minutes * 60000;
  return Number.isFinite(time) && time < Date.UTC(2100, 0, 1) ? new Date(time).toISOString() : null;
}

function readModule(quiz: QuizFile, f: RecordFields): ModuleProgress {
  const when = readMinutes(f.updated);
  const bestDraw = decodeDraw(quiz, f.bestDraw);
  const bestLog = f.bestLog && bestDraw ? (decodeLog(quiz, bestDraw, f.bestLog) ?? null) : null;
  const currentDraw = f.phase ? decodeDraw(quiz, f.currentDraw) : undefined;
  const module: ModuleProgress = {
    ...emptyModule(),
    status: f.status === 'p' ? 'passed' : f.status === 'i' ? 'in-progress' : 'not-started',
    bestPercent: f.best ? Math.min(100, parseInt(f.best, 36)) : null,
    attempts: parseInt(f.attempts || '0', 36) || 0,
    updatedAt: when,
    startedAt: f.status === 'n' ? null : when,
    bestLog,
    bestDraw: bestLog ? bestDraw! : null,
    current: currentDraw
      ? { seed: currentDraw.seed, drawn: currentDraw.drawn ?? null, phase: f.phase === 'f' ? 'feedback' : 'answering', log: decodeLog(quiz, currentDraw, f.currentLog) ?? [] }
      : null,
  };
  // Passed only when the best attempt, re-graded, passes: suspend data is not taken on trust.
  if (module.status === 'passed' && gradedBest(quiz, module) === undefined) return { ...module, status: 'in-progress', passedAt: null };
  if (module.status === 'passed') module.passedAt = when;
  return module;
}

/** Reads suspend data back; undefined when it is not ours or does not fit the course (then the course keeps the browser's progress). */
export function decodeSuspendData(text: string, quizzes: readonly Quiz[]): Progress | undefined {
  const progress = emptyProgress();
  if (text.startsWith('s1~')) {
    const records = text.slice(3).split(',');
    if (records.length !== quizzes.length) return undefined;
    for (const [i, quiz] of quizzes.entries()) {
      const [status = '', best = '', attempts = '', updated = '', bestLog = '', current] = records[i]!.split('.');
      if (current === undefined) return undefined;
      const module = readModule(quiz, { status, best, attempts, updated, bestDraw: '', bestLog, phase: current.slice(0, 1), currentDraw: '', currentLog: current.slice(1) });
      if (module.status !== 'not-started' || module.current) progress.modules[quiz.moduleId] = module;
    }
    return progress;
  }
  if (!text.startsWith(VERSION)) return undefined;
  for (const record of text.slice(VERSION.length).split(',')) {
    const colon = record.indexOf(':');
    const quiz = quizzes.find((q) => q.moduleId === record.slice(0, colon));
    // A module the course no longer has: its record is kept by nobody, the others still count.
    if (colon < 1 || !quiz) continue;
    const [status = '', best = '', attempts = '', updated = '', bestDraw = '', bestLog = '', phase = '', currentDraw = '', currentLog] = record.slice(colon + 1).split('.');
    // One unreadable record loses only its own module, never what the LMS holds for the others.
    if (currentLog === undefined) continue;
    const module = readModule(quiz, { status, best, attempts, updated, bestDraw, bestLog, phase, currentDraw, currentLog });
    if (module.status !== 'not-started' || module.current) progress.modules[quiz.moduleId] = module;
  }
  return progress;
}

/**
 * What the LMS is told: modules passed and the average best score. A module counts as passed only
 * when its best attempt, re-graded here, passes, so edited browser storage cannot pass it in an LMS.
 */
export function courseReport(progress: Progress, quizzes: readonly Quiz[]) {
  const graded = quizzes.map((q) => gradedBest(q, progress.modules[q.moduleId]));
  return {
    passedModules: graded.filter((percent) => percent !== undefined).length,
    totalModules: quizzes.length,
    scorePercent: graded.reduce<number>((sum, percent) => sum + (percent ?? 0), 0) / Math.max(1, quizzes.length),
    suspendData: encodeSuspendData(progress, quizzes),
  };
}
