import { createTestHost } from './helpers/testHost';
import { as, V2, createCustomer } from './helpers/customers';
it('probe', async () => {
  const t = await createTestHost();
  const c = await createCustomer(t, { email: 'p@example.com', password: 'x' });
  for (const body of [{ billing: { company: null } }, { billing: { planet: 'Mars' } }, { shipping: { phone: '1' } }]) {
    const r = await as(t.http.put(`${V2}/customers/${c.id}`), t.adminKey).send(body);
    console.log(JSON.stringify(body), r.status, JSON.stringify(r.body).slice(0, 300));
  }
  await t.close();
});
