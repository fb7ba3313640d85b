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

/**
 * Latvian UI strings, the course's default language and the reference table: one file per feature
 * (`strings/<feature>.ts`, each with its English beside it), joined here.
 */
export const lv = { ...site.lv, ...course.lv, ...quiz.lv, ...progress.lv, ...certificate.lv, ...verify.lv, ...workshop.lv, ...present.lv, ...live.lv, ...preview.lv };
