import type { ModuleResult } from './credential';

/** A completion record made in the browser when no signing server is there: printable, never trusted. */
export const UNSIGNED_FORMAT = 'smkurss-unsigned-record';

export interface UnsignedRecord {
  format: typeof UNSIGNED_FORMAT;
  signed: false;
  name: string;
  institution?: string;
  course: string;
  courseVersion: string;
  completedAt: string;
  modules: ModuleResult[];
  /** What the record stands for, in the learner's language: module quizzes in the browser, no final test, no server check. */
  attests?: string;
}

export function buildUnsignedRecord(fields: Omit<UnsignedRecord, 'format' | 'signed'>): UnsignedRecord {
  return { format: UNSIGNED_FORMAT, signed: false, ...fields };
}

export function readUnsignedRecord(text: string): UnsignedRecord | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const data = JSON.parse(text) as Partial<UnsignedRecord>;
    return data && data.format === UNSIGNED_FORMAT ? (data as UnsignedRecord) : undefined;
  } catch {
    return undefined;
  }
}
