import { ConfigError } from '@relapse-watch/service-runtime/config';
import { loadInspectionConfig } from './inspection.config';

describe('loadInspectionConfig', () => {
  it('runs embedded without REGISTRY_URL: the registry answers in the same process', () => {
    expect(loadInspectionConfig('embedded', {})).toEqual({ registryUrl: null });
  });

  it('needs REGISTRY_URL in distributed mode, and names it when missing', () => {
    expect(() => loadInspectionConfig('distributed', {})).toThrow(ConfigError);
    expect(() => loadInspectionConfig('distributed', {})).toThrow(/REGISTRY_URL/);
    expect(loadInspectionConfig('distributed', { REGISTRY_URL: 'http://127.0.0.1:3001' })).toEqual({
      registryUrl: 'http://127.0.0.1:3001',
    });
  });

  it('refuses a REGISTRY_URL that is not an http(s) address', () => {
    expect(() => loadInspectionConfig('distributed', { REGISTRY_URL: 'registry:3001' })).toThrow(/REGISTRY_URL/);
  });
});
