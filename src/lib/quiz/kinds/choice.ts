import type { Scenario } from '../types';
import { singleAnswerKind } from './single-answer';

/** One right option among authored ones. */
export const choice = singleAnswerKind<Extract<Scenario, { kind: 'choice' }>>('choice', { multiple: false });
