import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/errors.js';
import { REGION_DOMAINS, resolveRegion } from '../../src/platform/index.js';

describe('resolveRegion', () => {
  it.each([
    ['us-east-1', 'us-east-1', 'mypurecloud.com'],
    ['mypurecloud.com', 'us-east-1', 'mypurecloud.com'],
    ['usw2.pure.cloud', 'us-west-2', 'usw2.pure.cloud'],
    ['US-GOV', undefined, undefined],
    ['us-east-2', 'us-east-2', 'use2.us-gov-pure.cloud'],
    ['eusc-de-east-1', 'eusc-de-east-1', 'edee1.eusc-pure.cloud'],
    ['https://api.mypurecloud.ie/', 'eu-west-1', 'mypurecloud.ie'],
    ['login.mypurecloud.com.au', 'ap-southeast-2', 'mypurecloud.com.au'],
    [' MyPureCloud.JP ', 'ap-northeast-1', 'mypurecloud.jp'],
  ])('%s', (input, name, domain) => {
    if (name === undefined) {
      expect(() => resolveRegion(input)).toThrow(UserError);
      return;
    }
    const region = resolveRegion(input);
    expect(region).toEqual({
      name,
      domain,
      apiBaseUrl: `https://api.${domain}`,
      loginBaseUrl: `https://login.${domain}`,
    });
  });

  it('lists every valid name when the region is unknown', () => {
    expect(() => resolveRegion('mars-north-1')).toThrow(UserError);
    try {
      resolveRegion('mars-north-1');
    } catch (error) {
      for (const name of Object.keys(REGION_DOMAINS)) expect((error as Error).message).toContain(name);
    }
  });

  it('knows all 18 regions, FedRAMP and EU sovereign cloud included', () => {
    expect(Object.keys(REGION_DOMAINS)).toHaveLength(18);
  });
});
