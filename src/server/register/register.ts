import type { CertificateRecord, RecordFilter } from '../../lib/certificate/register-record.ts';
import type { RevocationReason } from '../../lib/certificate/revocation-reason.ts';
import type { GradedItem } from '../../lib/final-test/grade.ts';

/** A graded final-test attempt as the register keeps it: nothing personal. */
export interface AttemptRecord {
  id: string;
  startedAt: string;
  submittedAt: string;
  bank: string;
  percent: number;
  passed: boolean;
  /** Submitted faster than a person could read the items (the configured minimum). */
  tooFast: boolean;
  items: GradedItem[];
  /** The certificate this attempt gave, once one was issued. */
  certificateId?: string;
}

/** A final-test attempt as its client's history keeps it (newest first when listed). */
export interface ClientAttempt {
  attempt: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  /** The bank items given, `module/scenario`. */
  items: string[];
  /** Set once it was submitted and graded. */
  passed?: boolean;
  endedAt?: number;
}

/** One count under a limit, taken in the register like takeRate: `client` is the key it counts under. */
export interface RateTake {
  client: string;
  limit: number;
  windowMs: number;
}

/**
 * What the start of a final-test attempt decides from its client's history, inside the client's
 * lock: refuse (an attempt still open, the back-off), or count the limits in order and, when none
 * is over, start (the draw) and note the new attempt. `limited` gives the refusal for the first
 * limit that is over; the limits after it are not counted.
 */
export type StartPlan<T> =
  | { refuse: T }
  | { rates: RateTake[]; limited(wait: number, rate: RateTake): T; start(): { attempt: string; items: readonly string[]; value: T } };

/** A story step answered in a final-test attempt, as the server fixed it. */
export interface FixedStep {
  attempt: string;
  /** The item's index in the attempt. */
  item: number;
  /** The step's public id (`s1`, `s2`…). */
  step: string;
  /** The public option ids chosen there. */
  choice: string[];
}

/**
 * The issuer's register, one small interface over two stores: SQLite (node:sqlite, a file in
 * data/, the default) and PostgreSQL (`DATABASE_URL`, for several servers). The request rate limit
 * lives here too, so servers sharing a database share their limits.
 */
export interface Register {
  readonly kind: 'sqlite' | 'postgres';
  /** The schema version after the migrations that ran at open. */
  schemaVersion(): Promise<number>;
  /** A status-list index no other call, in this or any other server, ever gets. */
  allocateIndex(): Promise<number>;
  /** Records an issued certificate (its index from allocateIndex). */
  record(certificate: CertificateRecord): Promise<void>;
  get(id: string): Promise<CertificateRecord | undefined>;
  /** Oldest first; the filter's state is judged at `now`. */
  list(filter?: RecordFilter, now?: Date): Promise<CertificateRecord[]>;
  revoke(id: string, reason: RevocationReason, at: Date): Promise<'revoked' | 'already-revoked' | 'not-found'>;
  unrevoke(id: string): Promise<'unrevoked' | 'not-revoked' | 'not-found'>;
  /** Every revoked certificate's index, date and reason, for the status lists. */
  revocations(): Promise<{ index: number; date: string; reason: RevocationReason }[]>;
  /** Grows at every revocation change: a server rebuilds its status lists when it moves. */
  statusVersion(): Promise<number>;
  /**
   * Counts a request by `client` in a fixed window; returns the seconds to wait when it is over
   * `limit`, else 0. Atomic in the database, so two servers count together.
   */
  takeRate(client: string, limit: number, windowMs: number, now?: number): Promise<number>;
  /** Records a graded attempt once: `duplicate` when an attempt with this id was already submitted. */
  recordAttempt(attempt: AttemptRecord): Promise<'recorded' | 'duplicate'>;
  /** Ties a passed attempt to the certificate it gives; false when it is unknown, not passed or already used. */
  useAttempt(attemptId: string, certificateId: string): Promise<boolean>;
  /**
   * Gives a claimed attempt back when its certificate could not be signed or recorded, so the
   * learner's retry is not refused as used; only the claim for that certificate is undone.
   */
  releaseAttempt(attemptId: string, certificateId: string): Promise<void>;
  /** Every recorded attempt, oldest first (for item statistics). */
  attempts(): Promise<AttemptRecord[]>;
  /** Whether an attempt with this id has been submitted. */
  attemptSubmitted(attemptId: string): Promise<boolean>;
  /**
   * Fixes the choice at one story step of an attempt, once: returns the choice fixed there — this
   * one, or the one fixed before (atomic, so two servers agree on the first).
   */
  fixStep(step: FixedStep, at?: Date): Promise<string[]>;
  /** Every step fixed in an attempt, by item, then step. */
  fixedSteps(attemptId: string): Promise<FixedStep[]>;
  /** Notes a started attempt under the client key it was started by, with the items it was given. */
  noteClientAttempt(client: string, attemptId: string, items: readonly string[], at: number): Promise<void>;
  /** Notes how a noted attempt ended (nothing happens for an attempt never noted). */
  noteAttemptOutcome(attemptId: string, passed: boolean, at: number): Promise<void>;
  /**
   * The start of a final-test attempt as one step that no other start by the same client, in this
   * or any other server, interleaves with: the client's history since `since` (ms) is read, the
   * plan decides, its limits are counted and the new attempt noted, all under the client's lock
   * (PostgreSQL: one transaction holding an advisory lock on the client key; SQLite: one
   * IMMEDIATE transaction, which the file's write lock serialises across processes). `plan` and
   * its `start` run synchronously inside it. `wide`: an IPv6 client's wider prefixes (its /56,
   * its /48), locked too, each prefix's attempts read (at most `limit`, newest first) and given to
   * `plan` in the same order, and the new attempt noted under each.
   */
  startClientAttempt<T>(client: string, since: number, now: number, plan: (history: ClientAttempt[], wide: ClientAttempt[][]) => StartPlan<T>, wide?: readonly WideHistory[]): Promise<T>;
  /** The client's attempts started at or after `since` (ms), newest first, at most `limit`. */
  clientAttempts(client: string, since: number, limit?: number): Promise<ClientAttempt[]>;
  close(): Promise<void>;
}

/** A wider prefix a start is counted under too, and how many of its latest attempts to read. */
export interface WideHistory {
  client: string;
  limit: number;
}

/** The database cannot be reached or refused the operation; issuing answers 503 with a clear message. */
export class RegisterUnavailable extends Error {
  override name = 'RegisterUnavailable';
}
