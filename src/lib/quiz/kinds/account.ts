import { ACCOUNT_OPTION_IDS } from '../option-ids';
import type { Scenario } from '../types';
import { singleAnswerKind } from './single-answer';

/** In whose name and where: the institution's account, a personal profile (named or private), or not on social media. */
export const account = singleAnswerKind<Extract<Scenario, { kind: 'account' }>>('account', { multiple: false, fixedOptionIds: ACCOUNT_OPTION_IDS });
