import type { Scenario } from '../types';
import { singleAnswerKind } from './single-answer';

/** Several right options: right means exactly the set of them. */
export const multi = singleAnswerKind<Extract<Scenario, { kind: 'multi' }>>('multi', { multiple: true });
