// URL imports refuse private, loopback, link-local and reserved addresses (IPv4, IPv6, IPv4-mapped IPv6) unless
// GONGKAI_URL_ALLOW names the host; only http and https are fetched.
import { describe, expect, it } from 'vitest';
import { allowedHosts, fetchUrl, isPrivateAddress, isUrl } from '../src/import/url.js';

describe('URL limits', () => {
  it('tells private and public addresses apart', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1',
      '169.254.169.254', '0.0.0.0',
      '100.64.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '203.0.113.9', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('reads the allow-list and recognises URLs', () => {
    expect([...allowedHosts(' localhost, 127.0.0.1 ,[::1]')]).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(allowedHosts(undefined).size).toBe(0);
    expect(isUrl('https://example.gov.cn/a.pdf')).toBe(true);
    expect(isUrl('/tmp/a.pdf')).toBe(false);
  });

  it('refuses other schemes and private addresses before connecting', async () => {
    await expect(fetchUrl('file:///etc/passwd', { allow: new Set() }))
      .rejects.toMatchObject({ problemEn: expect.stringMatching(/http and https/) });
    await expect(fetchUrl('http://10.0.0.1/a.txt', { allow: new Set() }))
      .rejects.toMatchObject({ problemEn: expect.stringMatching(/private or loopback/) });
    await expect(fetchUrl('http://[::1]:9/a.txt', { allow: new Set() }))
      .rejects.toMatchObject({ problemEn: expect.stringMatching(/private or loopback/) });
    await expect(fetchUrl('http://localhost:9/a.txt', { allow: new Set() }))
      .rejects.toMatchObject({ problemEn: expect.stringMatching(/private or loopback/) });
  });
});
