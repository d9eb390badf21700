import { launchChromium, signIn, demoAccounts } from "./harness.mjs";
const b = await launchChromium();
const base = "http://127.0.0.1:8765";
const c = await b.newContext({ viewport: { width: Number(process.argv[3]), height: 800 } });
const p = await c.newPage();
await signIn(p, base, demoAccounts[process.argv[2]]);
let i = 0;
for (const path of process.argv.slice(4)) { await p.goto(base + path); await p.screenshot({ path: `/tmp/s${i++}.png`, fullPage: false }); }
await b.close();
