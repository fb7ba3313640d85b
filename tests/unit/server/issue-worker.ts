// One "server" for the two-process test: opens the register at DATABASE_URL (migrating it if it
// is the first) and records COUNT certificates, 10 at a time, each with an index it allocated.
// Run by Node itself (type stripping), as scripts/start.mjs loads the register.
import { PostgresRegister } from '../../../src/server/register/postgres-register.ts';

const register = await PostgresRegister.open(process.env.DATABASE_URL!);
const count = Number(process.env.COUNT);
const name = process.env.WORKER!;
let next = 0;
await Promise.all(
  Array.from({ length: 10 }, async () => {
    while (next < count) {
      const n = next++;
      const statusIndex = await register.allocateIndex();
      await register.record({
        id: `urn:uuid:${name}-${n}`, name: `Darbinieks ${n}`, issuedAt: new Date().toISOString(), validUntil: '2030-01-01T00:00:00.000Z',
        edition: '2026-12-01', courseVersion: 'x', kid: 'k', modules: [], statusIndex,
      });
    }
  }),
);
await register.close();
