import { DISCLOSURE_OPTION_IDS } from '../option-ids';
import type { Scenario } from '../types';
import { singleAnswerKind } from './single-answer';

/** May this be shared: share now, do not share, or check first. */
export const disclosure = singleAnswerKind<Extract<Scenario, { kind: 'disclosure' }>>('disclosure', { multiple: false, fixedOptionIds: DISCLOSURE_OPTION_IDS });
