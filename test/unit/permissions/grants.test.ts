import { describe, expect, it } from 'vitest';
import { createPermissionStore } from '../../../lib/permissions';
import { createMemoryStore } from '../../../lib/ports/memory';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('site grants', () => {
  it('are never given to the opaque origin "null", which every sandboxed frame of every site shares', async () => {
    const grants = createPermissionStore(createMemoryStore());
    await expect(grants.grant('null', [ACCOUNT], 1)).rejects.toMatchObject({ code: 4100 });
    expect(await grants.get('null')).toBeUndefined();
    expect(await grants.list()).toEqual([]);
  });

  it('are kept per site', async () => {
    const grants = createPermissionStore(createMemoryStore());
    await grants.grant('https://a.example', [ACCOUNT, ACCOUNT], 1);
    expect(await grants.get('https://a.example')).toEqual({ origin: 'https://a.example', accounts: [ACCOUNT], grantedAt: 1 });
    expect(await grants.get('https://b.example')).toBeUndefined();
  });
});
