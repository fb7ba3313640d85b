import type { Locale } from '../i18n/locales';
import { formatPercent, t } from '../i18n/translate';
import type { CourseQuiz } from './issue-request';

/**
 * The pass mark every module quiz asks for, as a certificate states it: "80 %", or "70–80 %" when
 * the quizzes differ. From the quiz files, so a changed pass mark changes the certificate's words.
 */
export function modulePassLabel(locale: Locale, quizzes: readonly Pick<CourseQuiz, 'quiz'>[]): string {
  const marks = quizzes.map((q) => q.quiz.passPercent);
  const [low, high] = [Math.min(...marks), Math.max(...marks)];
  return low === high ? formatPercent(locale, low) : `${low}–${formatPercent(locale, high)}`;
}

/** The credential's course description and criteria, built from the course (module titles, pass marks). */
export function courseTexts(locale: Locale, quizzes: readonly CourseQuiz[], finalTestPass?: number): { description: string; criteria: string } {
  const modulePass = modulePassLabel(locale, quizzes);
  return {
    description: t(locale, 'certificate.courseDescription', { modules: quizzes.map((q) => q.title[locale]).join('; ') }),
    criteria:
      finalTestPass === undefined
        ? t(locale, 'certificate.criteria', { modulePass })
        : t(locale, 'certificate.criteria.finalTest', { modulePass, pass: formatPercent(locale, finalTestPass) }),
  };
}
