// `camcops-meta completion bash|zsh`: a shell script completing subcommands, camcops commands and flags.
import { listKnownCommands } from "../plan/command-catalogue.js";
import { OPTION_TABLE } from "./option-table.js";

/** The completion script for one shell, to be sourced from its rc file. */
export function formatCompletion(shell: "bash" | "zsh"): string {
  const words = ["list", "check", "show", "completion", ...listKnownCommands()].join(" ");
  const flags = OPTION_TABLE.flatMap((spec) => [
    `--${spec.name}`,
    ...spec.aliases.map((alias) => (alias.length === 1 ? `-${alias}` : `--${alias}`)),
  ]).join(" ");
  const bash = `# camcops-meta completion for bash: add 'source <(camcops-meta completion bash)' to ~/.bashrc
_camcops_meta() {
  local cur prev
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --same-database) COMPREPLY=( $(compgen -W "serialize skip allow" -- "$cur") ); return ;;
    --camcops|--python|--log-dir|--report|--rerun-failed|--history|-f|--filespecs)
      COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flags} --help --version" -- "$cur") )
  else
    COMPREPLY=( $(compgen -W "${words}" -- "$cur") $(compgen -f -- "$cur") )
  fi
}
complete -F _camcops_meta camcops-meta camcops_server_meta
`;
  if (shell === "bash") return bash;
  return `# camcops-meta completion for zsh: add 'source <(camcops-meta completion zsh)' to ~/.zshrc
autoload -U +X bashcompinit && bashcompinit
${bash}`;
}
