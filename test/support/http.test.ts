import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, loginAs } from './http.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './platform.ts';

describe('test HTTP agents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs in as the seeded admin and carries the session', async () => {
    const admin = await loginAs(t.app, 'admin', TEST_ADMIN_PASSWORD);
    expect(admin.csrfToken).toEqual(expect.any(String));
    const me = await admin.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(admin.csrfToken);
  });

  it('refuses an anonymous request to a protected route', async () => {
    const response = await anonymous(t.app).get('/api/auth/me');
    expect(response.status).toBe(401);
  });

  it('reports a failed login with the server answer', async () => {
    await expect(loginAs(t.app, 'admin', 'wrong-password')).rejects.toThrow(/login as admin failed: 4\d\d/);
  });
});
