// What configparser holds after reading a file, with the line each item came from.

/** One option's stored value. */
export interface IniValue {
  /** 1-based line of the option's "name = value" line. */
  line: number;
  /** The value as configparser stores it: stripped, continuation lines joined with \n, trailing blank lines dropped. */
  raw: string;
}

/** One [section] (never [DEFAULT]). */
export interface IniSection {
  /** Name as written between the brackets (not stripped, not lower-cased). */
  name: string;
  /** 1-based line of its header. */
  line: number;
  /** Options by lower-cased name, in file order. */
  options: Map<string, IniValue>;
}

/** A whole config file as ConfigParser() reads it. */
export interface IniDocument {
  /** Options of every [DEFAULT] section, by lower-cased name. */
  defaults: Map<string, IniValue>;
  /** Line of the first [DEFAULT] header, or null when there is none. */
  defaultsLine: number | null;
  /** Sections by name, in file order. */
  sections: Map<string, IniSection>;
}

/** configparser's name for the section every other section inherits from. */
export const DEFAULT_SECTION = "DEFAULT";
