// The option ids that kinds with standard options fix. Kept apart from schema.ts so that the
// browser's quiz code never pulls in zod (its eval probe trips the Content-Security-Policy).

/** Options of `account` scenarios: from whose profile, or not on social media at all. */
export const ACCOUNT_OPTION_IDS = ['official', 'personal-named', 'personal-private', 'offline'] as const;
/** Options of `disclosure` scenarios: share now, do not share, check first. */
export const DISCLOSURE_OPTION_IDS = ['share', 'withhold', 'ask'] as const;
