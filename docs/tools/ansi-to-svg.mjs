#!/usr/bin/env node
// Turns terminal text with ANSI colours (e.g. `tmux capture-pane -p -e`) into an SVG picture of that terminal.
// Plain Node, no dependencies. Usage: node ansi-to-svg.mjs [--title TEXT] [--columns N] <capture.ans >picture.svg
import { readFileSync } from "node:fs";

const FONT_SIZE = 14;
const CELL_WIDTH = 8.43; // 0.602em: the advance of the common monospace fonts (DejaVu Sans Mono, Menlo, Consolas)
const LINE_HEIGHT = 18;
const PADDING = 14;
const TITLE_HEIGHT = 30;
const BACKGROUND = "#1d1f21";
const FOREGROUND = "#d8dadc";

// The 16 basic colours: a dark-terminal palette with enough contrast on BACKGROUND.
const BASIC = [
  "#1d1f21",
  "#e0605a",
  "#8fc160",
  "#e6bd58",
  "#6d9fd8",
  "#b58bcf",
  "#5fbdb5",
  "#d8dadc",
  "#6b6e72",
  "#ff7b72",
  "#a8e07a",
  "#ffd76a",
  "#8ab8f2",
  "#d2a6ef",
  "#7fdcd3",
  "#ffffff",
];

/** Reads --name value pairs from argv. */
function readOptions(argv) {
  const options = { title: "", columns: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === "--title") options.title = value ?? "";
    else if (name === "--columns") options.columns = Number(value);
    else throw new Error(`unknown option ${name}`);
  }
  return options;
}

/** The colour of a 256-colour index: basic 16, the 6x6x6 cube, then the grey ramp. */
function colour256(index) {
  if (index < 16) return BASIC[index];
  if (index < 232) {
    const steps = [0, 95, 135, 175, 215, 255];
    const i = index - 16;
    return toHex(steps[Math.floor(i / 36)], steps[Math.floor(i / 6) % 6], steps[i % 6]);
  }
  const grey = 8 + (index - 232) * 10;
  return toHex(grey, grey, grey);
}

function toHex(r, g, b) {
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, "0")).join("")}`;
}

/** Applies one SGR sequence's parameters to a style (returns a new style). */
function applySgr(style, params) {
  const next = { ...style };
  const codes = params === "" ? [0] : params.split(";").map((p) => Number(p || 0));
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0)
      Object.assign(next, {
        fg: null,
        bg: null,
        bold: false,
        dim: false,
        italic: false,
        underline: false,
        inverse: false,
      });
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 7) next.inverse = true;
    else if (code === 22) Object.assign(next, { bold: false, dim: false });
    else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code === 27) next.inverse = false;
    else if (code >= 30 && code <= 37) next.fg = BASIC[code - 30];
    else if (code >= 90 && code <= 97) next.fg = BASIC[code - 90 + 8];
    else if (code >= 40 && code <= 47) next.bg = BASIC[code - 40];
    else if (code >= 100 && code <= 107) next.bg = BASIC[code - 100 + 8];
    else if (code === 39) next.fg = null;
    else if (code === 49) next.bg = null;
    else if (code === 38 || code === 48) {
      const key = code === 38 ? "fg" : "bg";
      if (codes[i + 1] === 5) {
        next[key] = colour256(codes[i + 2] ?? 0);
        i += 2;
      } else if (codes[i + 1] === 2) {
        next[key] = toHex(codes[i + 2] ?? 0, codes[i + 3] ?? 0, codes[i + 4] ?? 0);
        i += 4;
      }
    }
  }
  return next;
}

/** Splits the text into lines of styled runs; the style carries over line ends, as in a terminal capture. */
function parseAnsi(text) {
  let style = applySgr({}, "0");
  const lines = [];
  for (const rawLine of text.replace(/\r/g, "").split("\n")) {
    const runs = [];
    let column = 0;
    const pattern = /\u001b\[([0-9;?]*)([A-Za-z])|\u001b[()][0-9A-Za-z]|\u001b./g;
    let last = 0;
    const pushText = (chunk) => {
      const chars = Array.from(chunk);
      if (chars.length === 0) return;
      runs.push({ column, text: chunk, style });
      column += chars.length;
    };
    for (const match of rawLine.matchAll(pattern)) {
      pushText(rawLine.slice(last, match.index));
      if (match[2] === "m") style = applySgr(style, match[1]);
      last = match.index + match[0].length;
    }
    pushText(rawLine.slice(last));
    lines.push({ runs, width: column });
  }
  while (lines.length > 0 && lines.at(-1).runs.every((run) => run.text.trim() === "")) lines.pop();
  return lines;
}

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The fill, opacity and font attributes of a run. */
function describeStyle(style) {
  let fg = style.fg ?? FOREGROUND;
  let bg = style.bg;
  if (style.inverse) [fg, bg] = [bg ?? BACKGROUND, fg];
  const attributes = [`fill="${fg}"`];
  if (style.bold) attributes.push('font-weight="bold"');
  if (style.dim) attributes.push('fill-opacity="0.62"');
  if (style.italic) attributes.push('font-style="italic"');
  if (style.underline) attributes.push('text-decoration="underline"');
  return { attributes: attributes.join(" "), bg };
}

/** Builds the SVG document for the parsed lines. */
function buildSvg(lines, options) {
  const columns = Math.max(options.columns || 0, ...lines.map((line) => line.width), 20);
  const top = options.title ? TITLE_HEIGHT : 0;
  const width = Math.ceil(columns * CELL_WIDTH + 2 * PADDING);
  const height = Math.ceil(top + lines.length * LINE_HEIGHT + 2 * PADDING);
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(options.title || "terminal")}">`,
    `<rect width="100%" height="100%" rx="8" fill="${BACKGROUND}"/>`,
  );
  if (options.title) {
    out.push(
      `<g>${["#ff5f56", "#ffbd2e", "#27c93f"].map((c, i) => `<circle cx="${PADDING + 6 + i * 20}" cy="${TITLE_HEIGHT / 2 + 2}" r="6" fill="${c}"/>`).join("")}</g>`,
      `<text x="${width / 2}" y="${TITLE_HEIGHT / 2 + 7}" text-anchor="middle" font-family="sans-serif" font-size="13" fill="#9a9ea3">${escapeXml(options.title)}</text>`,
    );
  }
  out.push(
    `<g font-family="'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace" font-size="${FONT_SIZE}" xml:space="preserve" style="white-space: pre">`,
  );
  lines.forEach((line, row) => {
    const y = PADDING + top + row * LINE_HEIGHT;
    const baseline = y + LINE_HEIGHT - 5;
    const spans = [];
    for (const run of line.runs) {
      const { attributes, bg } = describeStyle(run.style);
      const x = (PADDING + run.column * CELL_WIDTH).toFixed(1);
      const cells = Array.from(run.text).length;
      if (bg) {
        out.push(
          `<rect x="${x}" y="${y}" width="${(cells * CELL_WIDTH).toFixed(1)}" height="${LINE_HEIGHT}" fill="${bg}"/>`,
        );
      }
      if (run.text.trim() === "") continue;
      // textLength pins every run to its cells, whatever monospace font the viewer has.
      const length = (cells * CELL_WIDTH).toFixed(1);
      spans.push(
        `<tspan x="${x}" textLength="${length}" lengthAdjust="spacingAndGlyphs" ${attributes}>${escapeXml(run.text)}</tspan>`,
      );
    }
    if (spans.length > 0) out.push(`<text y="${baseline}">${spans.join("")}</text>`);
  });
  out.push("</g>", "</svg>");
  return `${out.join("\n")}\n`;
}

const options = readOptions(process.argv.slice(2));
process.stdout.write(buildSvg(parseAnsi(readFileSync(0, "utf8")), options));
