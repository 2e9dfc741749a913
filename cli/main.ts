// `npx samenspel <command>`: a thin driver over sim/. Data goes to stdout or files, messages
// and progress to stderr. Exit codes: 0 ok, 1 bad input, 2 internal error.
import { Command, CommanderError } from 'commander';
import { ENGINE_VERSION } from '../sim/index.ts';
import { EXIT_BAD_INPUT, fail } from './io.ts';
import { COMMANDS } from './commands/index.ts';

const program = new Command();
program.name('samenspel')
  .description('Samenspel — agent-based simulation of collaboration networks')
  .version(ENGINE_VERSION)
  .showHelpAfterError()
  .exitOverride();
for (const register of COMMANDS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has printed its message (unknown command/flag, with the valid ones).
    process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  }
  fail(error);
}
