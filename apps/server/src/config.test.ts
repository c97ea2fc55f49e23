import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('lets survey links follow the port the server listens on, unless a public URL is given', () => {
    expect(loadConfig({}).KEFU_PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '4100' }).KEFU_PUBLIC_URL).toBe('http://localhost:4100');
    expect(loadConfig({ PORT: '4100', KEFU_PUBLIC_URL: 'https://kefu.example.com' }).KEFU_PUBLIC_URL).toBe('https://kefu.example.com');
    expect(() => loadConfig({ KEFU_PUBLIC_URL: 'not a url' })).toThrow(/KEFU_PUBLIC_URL/);
  });
});
