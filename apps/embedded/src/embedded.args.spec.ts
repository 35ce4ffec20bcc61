import { describe, expect, it } from '@jest/globals';
import { parseEmbeddedArgs } from './embedded.args';

describe('the embedded app’s command line', () => {
  it('seeds the whole demo by default, the households and users only with --demo=households, nothing with --no-demo', () => {
    expect(parseEmbeddedArgs([])).toEqual({ options: { demo: 'full' } });
    expect(parseEmbeddedArgs(['--demo=households'])).toEqual({ options: { demo: 'households' } });
    expect(parseEmbeddedArgs(['--no-demo'])).toEqual({ options: { demo: 'none' } });
    expect(parseEmbeddedArgs(['--no-demo', '--no-demo'])).toEqual({ options: { demo: 'none' } });
  });

  it('refuses an unknown switch and two that contradict each other, with the usage line', () => {
    expect(parseEmbeddedArgs(['--demo=some'])).toEqual({
      error: expect.stringMatching(/^未知参数 \/ unknown argument: --demo=some\n用法/),
    });
    expect(parseEmbeddedArgs(['--demo=full', '--no-demo'])).toEqual({
      error: expect.stringMatching(/^演示参数互相矛盾 \/ conflicting demo arguments: --demo=full --no-demo\n用法/),
    });
  });
});
