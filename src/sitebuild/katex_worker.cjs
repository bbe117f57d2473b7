// Renders TeX to HTML+MathML with KaTeX for the whole build, in one process.
//
// Protocol: one JSON array per input line, each item {"tex": string, "display": bool};
// one JSON array per output line, each item {"html": string} or {"error": string}.
// The Python side (sitebuild/katex.py) starts this once per build and sends one
// line per page. KaTeX is found through NODE_PATH, set to the project's node_modules.
"use strict";

const readline = require("node:readline");

let katex;
try {
  katex = require("katex");
} catch (error) {
  process.stderr.write(`cannot load katex: ${error.message}\n`);
  process.exit(3);
}

const options = (display) => ({
  displayMode: display,
  output: "htmlAndMathml",
  throwOnError: true,
  // Unicode text in math mode, unknown symbols and similar slips become errors.
  strict: "error",
  trust: false,
});

function render(item) {
  try {
    return { html: katex.renderToString(item.tex, options(Boolean(item.display))) };
  } catch (error) {
    return { error: String(error && error.message ? error.message : error) };
  }
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  let reply;
  try {
    reply = JSON.parse(line).map(render);
  } catch (error) {
    reply = [{ error: `bad request: ${error.message}` }];
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
});
process.stdout.write(`${JSON.stringify({ ready: true, version: katex.version })}\n`);
