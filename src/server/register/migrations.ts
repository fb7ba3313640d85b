/**
 * The register's schema, one numbered step at a time. A database records the steps it has had in
 * `schema_migrations`; at open the missing ones run in order, each in its own transaction (on
 * PostgreSQL under an advisory lock, so two servers starting together do not both run one).
 * Add a step at the end; never change one that has shipped.
 * Dates are ISO 8601 UTC text in both databases, so they compare and sort the same way.
 */
export interface Migration {
  version: number;
  what: string;
  sqlite: string[];
  postgres: string[];
}

const certificates = `CREATE TABLE certificates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  institution TEXT,
  email_hash TEXT,
  issued_at TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  edition TEXT NOT NULL,
  course_version TEXT NOT NULL,
  kid TEXT NOT NULL,
  modules TEXT NOT NULL,
  status_index BIGINT NOT NULL UNIQUE
)`;

/** One row per graded attempt: no name, no address, only the items' scores and choices (for item statistics). */
const FINAL_TEST_ATTEMPTS = `CREATE TABLE final_test_attempts (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  bank TEXT NOT NULL,
  percent INTEGER NOT NULL,
  passed INTEGER NOT NULL,
  too_fast INTEGER NOT NULL,
  items TEXT NOT NULL,
  certificate_id TEXT UNIQUE
)`;

/**
 * One row per story step the server has answered with what follows: the attempt, the item (its
 * index in the attempt), the step (its public id) and the choice that was fixed there. A second,
 * different choice at the same step is refused, so trying the options of a step one after another
 * shows nothing; the submission must follow the same path.
 */
const FINAL_TEST_STEPS = `CREATE TABLE final_test_steps (
  attempt TEXT NOT NULL,
  item INTEGER NOT NULL,
  step TEXT NOT NULL,
  choice TEXT NOT NULL,
  fixed_at TEXT NOT NULL,
  PRIMARY KEY (attempt, item, step)
)`;

/**
 * One row per started attempt, with the client key it was started under (an IPv4 address or an
 * IPv6 /64, as the attempt limit counts), the bank items it was given and, once submitted, whether
 * it passed. What the start of the next attempt reads: the items this client was given lately
 * (drawn last) and its failed attempts in a row (the back-off). Rows older than 31 days are dropped.
 */
const FINAL_TEST_CLIENT_ATTEMPTS = `CREATE TABLE final_test_client_attempts (
  attempt TEXT PRIMARY KEY,
  client TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  items TEXT NOT NULL,
  passed INTEGER,
  ended_at BIGINT
)`;

/**
 * The same attempts counted under an IPv6 client's wider prefixes (its /56, its /48: see
 * client-key.ts), one row per attempt and prefix: the open-attempt rule and the back-off hold for
 * a /56 or a /48 as a whole too, not only for each of its /64s.
 */
const FINAL_TEST_WIDE_ATTEMPTS = `CREATE TABLE final_test_wide_attempts (
  attempt TEXT NOT NULL,
  client TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  passed INTEGER,
  ended_at BIGINT,
  PRIMARY KEY (attempt, client)
)`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    what: 'certificates with their status-list index',
    sqlite: [
      certificates,
      'CREATE INDEX certificates_issued_at ON certificates (issued_at)',
      // SQLite has no sequences: one counter row, advanced by a single UPDATE … RETURNING, which
      // SQLite's write lock makes atomic across every process using the file.
      'CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)',
      "INSERT INTO counters (name, value) VALUES ('status_index', -1)",
    ],
    postgres: [certificates, 'CREATE INDEX certificates_issued_at ON certificates (issued_at)', 'CREATE SEQUENCE status_index_seq MINVALUE 0 START 0'],
  },
  {
    version: 2,
    what: 'revocation, the status-list version and the shared rate limit',
    sqlite: [
      'ALTER TABLE certificates ADD COLUMN revoked_at TEXT',
      'ALTER TABLE certificates ADD COLUMN revocation_reason TEXT',
      "INSERT INTO counters (name, value) VALUES ('status_version', 0)",
      'CREATE TABLE rate_limits (client TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL)',
    ],
    postgres: [
      'ALTER TABLE certificates ADD COLUMN revoked_at TEXT',
      'ALTER TABLE certificates ADD COLUMN revocation_reason TEXT',
      'CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)',
      "INSERT INTO counters (name, value) VALUES ('status_version', 0)",
      'CREATE TABLE rate_limits (client TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count INTEGER NOT NULL)',
    ],
  },
  {
    version: 3,
    what: 'final-test attempts (graded once; a passed one gives one certificate)',
    sqlite: [FINAL_TEST_ATTEMPTS, 'CREATE INDEX final_test_attempts_submitted_at ON final_test_attempts (submitted_at)'],
    postgres: [FINAL_TEST_ATTEMPTS, 'CREATE INDEX final_test_attempts_submitted_at ON final_test_attempts (submitted_at)'],
  },
  {
    version: 4,
    what: 'final-test story steps fixed as they are served (one answer per step)',
    sqlite: [FINAL_TEST_STEPS],
    postgres: [FINAL_TEST_STEPS],
  },
  {
    version: 5,
    what: 'final-test attempts by client (items given lately, failures in a row)',
    sqlite: [FINAL_TEST_CLIENT_ATTEMPTS, 'CREATE INDEX final_test_client_attempts_client ON final_test_client_attempts (client, started_at)'],
    postgres: [FINAL_TEST_CLIENT_ATTEMPTS, 'CREATE INDEX final_test_client_attempts_client ON final_test_client_attempts (client, started_at)'],
  },
  {
    version: 6,
    what: 'final-test attempts by wider IPv6 prefix (open attempts and failures in a row per /56, /48)',
    sqlite: [FINAL_TEST_WIDE_ATTEMPTS, 'CREATE INDEX final_test_wide_attempts_client ON final_test_wide_attempts (client, started_at)'],
    postgres: [FINAL_TEST_WIDE_ATTEMPTS, 'CREATE INDEX final_test_wide_attempts_client ON final_test_wide_attempts (client, started_at)'],
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The same key for every server of one database: PostgreSQL's advisory lock for migrations. */
export const MIGRATION_LOCK = 7_310_013;

/**
 * Rate-limit rows are dropped only when older than this, whatever the window of the call that
 * cleans up: limits with different windows share the table (certificates: 10 minutes; final-test
 * attempts: up to 30 days), so a short window's cleanup must not reset a long one's count.
 */
export const RATE_ROWS_KEPT_MS = 31 * 24 * 3600 * 1000;

/** The rate limit's one statement: a new window, or one more in the current one (parameters: client, now, windowMs). */
export const RATE_SQL = (p: (n: number) => string) => `INSERT INTO rate_limits (client, window_start, count) VALUES (${p(1)}, ${p(2)}, 1)
ON CONFLICT (client) DO UPDATE SET
  count = CASE WHEN ${p(2)} - rate_limits.window_start >= ${p(3)} THEN 1 ELSE rate_limits.count + 1 END,
  window_start = CASE WHEN ${p(2)} - rate_limits.window_start >= ${p(3)} THEN ${p(2)} ELSE rate_limits.window_start END
RETURNING window_start, count`;
