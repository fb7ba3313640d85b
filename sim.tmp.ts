import { readQuizzes } from './src/lib/course/read-sources';
import { createPresenterRun, voteKey } from './src/lib/workshop/presenter-machine';
import { slidesFor, slideView } from './src/lib/workshop/slides';
import { summarise } from './src/lib/workshop/summary';
import { shuffleScenario } from './src/lib/quiz/scenario';
const qs = readQuizzes(process.cwd());
const mods = qs.map((q) => ({ id: q.moduleId, scenarios: q.scenarios }));
let bad = 0;
for (let seed = 0; seed < 200; seed++) {
  const slides = slidesFor([{ module: 'komunikacijas-principi' }], mods.map((m) => ({ ...m, scenarios: m.scenarios.map((s) => shuffleScenario(s, seed)) })));
  const a = createPresenterRun({ slides }, () => () => {}).start();
  a.send({ type: 'vote.add', option: 0 }); a.send({ type: 'vote.add', option: 0 }); a.send({ type: 'answer.reveal' });
  const ctx = a.getSnapshot().context;
  const v = slideView(ctx.slides[0]!, ctx.step, ctx.votes[voteKey(0, ctx.step)]!, true, 'en');
  const s = summarise(ctx)[0]!;
  if (v.options[0]!.right !== s.steps[0]!.correct.includes(0)) bad++;
}
console.log('mismatches', bad);
