// Why camcops_server could not read a config file: the Python exception it would raise, and where.

/** Python exception class names, as camcops_server would report them. */
export type IniErrorType =
  | "ParsingError"
  | "MissingSectionHeaderError"
  | "DuplicateSectionError"
  | "DuplicateOptionError"
  | "UnicodeDecodeError";

/** One line configparser could not read. */
export interface IniBadLine {
  /** 1-based line number. */
  line: number;
  /** The line as written, without its line end. */
  text: string;
}

/** A config file that configparser (or the UTF-8 codec before it) rejects. */
export class IniError extends Error {
  override readonly name = "IniError";
  readonly type: IniErrorType;
  /** 1-based line of the error (the first malformed line for ParsingError). */
  readonly line: number;
  /** For ParsingError: every malformed line, in file order; empty otherwise. */
  readonly lines: IniBadLine[];
  constructor(type: IniErrorType, line: number, message: string, lines: IniBadLine[] = []) {
    super(message);
    this.type = type;
    this.line = line;
    this.lines = lines;
  }
}
