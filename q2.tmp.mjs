import { request } from '@playwright/test';
const r = await request.newContext({ baseURL: 'http://127.0.0.1:3288' });
await r.post('/api/auth/login', { data: { email: 'jordan.pickett@demo.rounds.example', password: 'E2e-demo-market-1!' } });
const all = (await (await r.get('/api/issues?limit=1000')).json()).items;
const mine = all.filter((i) => i.owner_name === 'Jordan Pickett');
console.log('mine', mine.length, 'resolved since 10-31', mine.filter((i) => i.resolved_on >= '2026-10-31').length, 'opened since 10-31', mine.filter((i) => i.opened_on >= '2026-10-31').length);
console.log(mine.filter((i) => i.opened_on >= '2026-09-01').map((i) => `${i.opened_on} ${i.status} ${i.resolved_on}`).join('\n'));
