import { ConfigError } from '@relapse-watch/service-runtime/config';
import { loadInspectionConfig } from './inspection.config';

describe('loadInspectionConfig', () => {
  it('runs embedded without REGISTRY_URL: the registry answers in the same process', () => {
    expect(loadInspectionConfig('embedded', {})).toEqual({ registryUrl: null, consumerGroup: 'inspection' });
  });

  it('needs REGISTRY_URL in distributed mode, and names it when missing', () => {
    expect(() => loadInspectionConfig('distributed', {})).toThrow(ConfigError);
    expect(() => loadInspectionConfig('distributed', {})).toThrow(/REGISTRY_URL/);
    expect(loadInspectionConfig('distributed', { REGISTRY_URL: 'http://127.0.0.1:3001' })).toEqual({
      registryUrl: 'http://127.0.0.1:3001',
      consumerGroup: 'inspection',
    });
  });

  it('refuses a REGISTRY_URL that is not an http(s) address', () => {
    expect(() => loadInspectionConfig('distributed', { REGISTRY_URL: 'registry:3001' })).toThrow(/REGISTRY_URL/);
  });

  it('reads the consumer group from INSPECTION_CONSUMER_GROUP, and refuses one the bus would not take', () => {
    expect(loadInspectionConfig('embedded', { INSPECTION_CONSUMER_GROUP: 'inspection-e2e.1' }).consumerGroup).toBe(
      'inspection-e2e.1',
    );
    expect(() => loadInspectionConfig('embedded', { INSPECTION_CONSUMER_GROUP: 'Inspection Group' })).toThrow(
      /INSPECTION_CONSUMER_GROUP/,
    );
  });
});
