import { measureFairness } from './figures/fairness.js';
const r = await measureFairness({ backlog: Number(process.argv[2] ?? 30), deals: 5, rate: 5 });
console.log(JSON.stringify(r));
