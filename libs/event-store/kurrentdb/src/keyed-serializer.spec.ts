import { describe, expect, it } from '@jest/globals';
import { KeyedSerializer } from './keyed-serializer';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedSerializer', () => {
  it('runs work on one key one at a time, in call order, and keys independently', async () => {
    const serializer = new KeyedSerializer();
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      serializer.run('a', step('a1')),
      serializer.run('a', step('a2')),
      serializer.run('b', step('b1')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('a failure rejects its own caller only, and idle keys are forgotten', async () => {
    const serializer = new KeyedSerializer();
    const failing = serializer.run('a', async () => {
      throw new Error('boom');
    });
    const next = serializer.run('a', async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await tick();
    expect(serializer.activeKeys).toBe(0);
  });
});
