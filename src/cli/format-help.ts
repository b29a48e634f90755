// The --help text, built from the option table so it never drifts from what the parser accepts.
import { getEnvName, OPTION_TABLE, type OptionSpec } from "./option-table.js";

const USAGE = `Usage:
  camcops-meta [run] <cc_command> --filespecs SPEC... [options] [-- EXTRA...]
  camcops-meta list  --filespecs SPEC... [--json]
  camcops-meta check --filespecs SPEC... [--json]
  camcops-meta show  FILE... [--json] [--show-secrets]
  camcops-meta completion [bash|zsh]

Runs one camcops_server command (upgrade_db, export, ...) on every CamCOPS config file
that matches, several at once, with live progress, a summary and one exit code.
Each config runs as: camcops_server <cc_command> --config <file> [--ccargs...] [EXTRA...]`;

const EXAMPLES = `Examples:
  camcops-meta --filespecs '/etc/camcops/*.conf' upgrade_db
  camcops-meta upgrade_db --filespecs /etc/camcops/a.conf /etc/camcops/b.conf --ccargs verbose
  camcops-meta upgrade_db -f '/etc/camcops/*.conf' -- --show_sql_only
  camcops-meta export -f '/etc/camcops/*.conf' -j 8 --timeout 30m --log-dir /var/log/camcops-meta
  camcops-meta upgrade_db -f '/etc/camcops/*.conf' --report last.json
  camcops-meta upgrade_db --rerun-failed last.json
  camcops-meta check -f '/etc/camcops/*.conf'
  camcops-meta show /etc/camcops/site.conf --json`;

const EXIT_CODES = `Exit codes:
  0    every config succeeded (skipped ones count as fine)
  1    at least one config failed, timed out, was invalid or did not start
  2    usage error, nothing matched, camcops_server missing, or a command refused
  129/130/143  stopped by SIGHUP / SIGINT / SIGTERM (summary still printed)`;

/** The whole help text. */
export function formatHelp(): string {
  const rows = OPTION_TABLE.map((spec) => [formatFlag(spec), describe(spec)] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const options = rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join("\n");
  const general = `  ${"-h, --help".padEnd(width)}  show this help\n  ${"--version".padEnd(width)}  show the version`;
  return `${USAGE}\n\nOptions:\n${options}\n${general}\n\nRun options may also come from the environment as CAMCOPS_META_<OPTION>\n(e.g. ${getEnvName("jobs")}=8, ${getEnvName("kill-grace")}=30s); flags on the command line win.\n\n${EXAMPLES}\n\n${EXIT_CODES}\n`;
}

function formatFlag(spec: OptionSpec): string {
  const names = [
    ...spec.aliases.map((alias) => (alias.length === 1 ? `-${alias}` : `--${alias}`)),
    `--${spec.name}`,
  ];
  return spec.placeholder ? `${names.join(", ")} ${spec.placeholder}` : names.join(", ");
}

function describe(spec: OptionSpec): string {
  const scope =
    spec.commands.length === 1 && spec.commands[0] !== "run" ? `${spec.commands[0]}: ` : "";
  return scope && spec.description.startsWith(scope)
    ? spec.description
    : `${scope}${spec.description}`;
}
