// The command tree. Each command lives in its own module under commands/ and registers itself here.
// Only the module of the command being run is loaded (all of them for help or an unknown command),
// so `bench grade` does not pay for the store, the scheduler or the plotting library at start-up.
import { Command } from "commander";

type Register = (program: Command) => void;

const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  competitions: async () => (await import("./commands/competitions.js")).registerCompetitionsCommand,
  grade: async () => (await import("./commands/grade.js")).registerGradeCommand,
  "grade-sample": async () => (await import("./commands/grade-sample.js")).registerGradeSampleCommand,
  demo: async () => (await import("./commands/demo.js")).registerDemoCommand,
  import: async () => (await import("./commands/import.js")).registerImportCommand,
  // `run` registers both `run` and `sweep`.
  run: async () => (await import("./commands/run.js")).registerRunCommands,
  sweep: async () => (await import("./commands/run.js")).registerRunCommands,
  status: async () => (await import("./commands/status.js")).registerStatusCommand,
  runs: async () => (await import("./commands/runs.js")).registerRunsCommand,
  logs: async () => (await import("./commands/logs.js")).registerLogsCommand,
  sweeps: async () => (await import("./commands/sweeps.js")).registerSweepsCommand,
  report: async () => (await import("./commands/report.js")).registerReportCommand,
  compare: async () => (await import("./commands/compare.js")).registerCompareCommand,
  view: async () => (await import("./commands/view.js")).registerViewCommand,
  reap: async () => (await import("./commands/reap.js")).registerReapCommand,
};

/** Builds the program for `argv` (process.argv form: node, script, command, ...). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("bench")
    .description("Benchmark harness and leaderboard for machine-learning-engineering agents.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  const name = argv[2];
  // `bench --version` needs no command at all: it must answer at once (scripts call it to check bench).
  const loaders =
    name === "--version" || name === "-V"
      ? []
      : name !== undefined && name in COMMANDS
        ? [COMMANDS[name]!]
        : [...new Set(Object.values(COMMANDS))];
  const registered = new Set<Register>();
  for (const load of loaders) {
    const register = await load();
    if (registered.has(register)) continue;
    registered.add(register);
    register(program);
  }
  return program;
}
