import { request } from '@playwright/test';
const r = await request.newContext({ baseURL: 'http://127.0.0.1:3288' });
const me = await (await r.get('/api/auth/me')).json();
let res = await r.post('/api/auth/login', { data: { email: 'jordan.pickett@demo.rounds.example', password: 'E2e-demo-market-1!' }, headers: { 'x-csrf-token': me.csrfToken ?? '' } });
console.log('login', res.status());
for (const p of process.argv.slice(2)) { const x = await r.get(p); console.log(p, x.status(), (await x.text()).slice(0, 1500)); }
