// What camcops_server's commands are (from its --allhelp, v2.4.24), and what that means for a run across sites.

export type CommandKind =
  /** Works on one config's database and ends: the normal case. */
  | "ordinary"
  /** Takes no config (prints or opens documentation): pointless across sites. */
  | "no-config"
  /** Never ends by itself (servers, workers). */
  | "never-ending"
  /** May destroy or overwrite data. */
  | "destructive"
  /** Asks for input on its terminal, which children do not have. */
  | "interactive";

const CATALOGUE: Readonly<Record<string, CommandKind>> = {
  docs: "no-config",
  demo_camcops_config: "no-config",
  demo_supervisor_config: "no-config",
  demo_apache_config: "no-config",
  upgrade_db: "ordinary",
  dev_upgrade_db: "destructive",
  dev_downgrade_db: "destructive",
  dev_add_dummy_data: "destructive",
  show_db_title: "ordinary",
  show_db_schema: "ordinary",
  merge_db: "destructive",
  create_db: "destructive",
  ddl: "ordinary",
  reindex: "ordinary",
  check_index: "ordinary",
  make_superuser: "interactive",
  reset_password: "interactive",
  enable_user: "ordinary",
  export: "ordinary",
  show_export_queue: "ordinary",
  crate_dd: "ordinary",
  cris_dd: "ordinary",
  serve_cherrypy: "never-ending",
  serve_gunicorn: "never-ending",
  serve_pyramid: "never-ending",
  convert_athena_icd_snomed_to_xml: "ordinary",
  launch_workers: "never-ending",
  launch_scheduler: "never-ending",
  launch_monitor: "never-ending",
  housekeeping: "ordinary",
  purge_jobs: "destructive",
  dev_cli: "interactive",
  list_tasks: "ordinary",
};

/** What kind of command this is; undefined for a command this catalogue does not know (newer CamCOPS). */
export function getCommandKind(command: string): CommandKind | undefined {
  return Object.hasOwn(CATALOGUE, command) ? CATALOGUE[command] : undefined;
}

/** Every command camcops_server offers, for completion and messages. */
export function listKnownCommands(): string[] {
  return Object.keys(CATALOGUE);
}
