import { finalTestConfig } from '../lib/final-test/config';
import { LANG_TAG, type Locale } from '../lib/i18n/locales';
import { pathTo } from '../lib/i18n/routes';
import { finalTestStrings } from '../lib/i18n/strings/final-test';
import { formatPercent } from '../lib/i18n/translate';
import { modulesIn } from './course';

/**
 * Where "every module is passed" leads, as the build's settings say: the final test where the
 * certificate attests it (the default), else undefined (the certificate page, as before). The
 * pages ask the server again at run time, so a static copy without a server still ends well.
 */
export function finalTestHref(locale: Locale): string | undefined {
  return finalTestConfig(process.env).assessment === 'final-test' ? pathTo(locale, { page: 'final-test' }) : undefined;
}

/** Everything the final test page shows, from the course and the settings the build sees. */
export async function finalTestView(locale: Locale) {
  const config = finalTestConfig(process.env);
  const modules = (await modulesIn(locale)).map((m) => ({ id: m.id, title: m.data.title, href: pathTo(locale, { page: 'module', id: m.id }) }));
  return {
    locale,
    langTag: LANG_TAG[locale],
    strings: finalTestStrings[locale],
    modules,
    items: config.rules.count,
    minutes: config.minutes,
    passLabel: formatPercent(locale, config.rules.passPercent),
    certificatePath: pathTo(locale, { page: 'certificate' }),
    homePath: pathTo(locale, { page: 'home' }),
    /** `modules`: this installation issues certificates after the module quizzes, without a final test. */
    assessment: config.assessment,
  };
}
