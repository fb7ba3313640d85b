import type { UiStrings } from '../ui-strings';
import * as site from './site';
import * as course from './course';
import * as quiz from './quiz';
import * as progress from './progress';
import * as certificate from './certificate';
import * as verify from './verify';
import * as workshop from './workshop';
import * as present from './present';
import * as live from './live';
import * as preview from './preview';

/** English UI strings, joined from the feature files; `UiStrings` keeps them in step with Latvian. */
export const en: UiStrings = { ...site.en, ...course.en, ...quiz.en, ...progress.en, ...certificate.en, ...verify.en, ...workshop.en, ...present.en, ...live.en, ...preview.en };
