// Run, Edit, Reset and Stop for the page's runnable examples (issue 14).
// A classic script on every page; nothing else loads until the first Run, which
// starts one module worker (runner-worker.mjs) with Pyodide, served by the site.
// Stop and the time limit end the worker; the next Run starts a new one, which
// runs the session's earlier blocks again (no SharedArrayBuffer on static hosts).
(() => {
  const workerUrl = new URL("runner-worker.mjs", document.currentScript.src);
  let text = {}; // the page's messages, in its language (sitebuild.runnable.TEXTS)
  let worker = null; // the page's worker, started on the first Run
  let queue = Promise.resolve();
  let active = null; // {example, finish} of the Run in progress

  const $ = (example, selector) => example.querySelector(selector);
  const button = (example, action) => $(example, `[data-sb-action="${action}"]`);
  // The time limit in seconds; tests may lower it with <html data-sb-time-limit="2">.
  const seconds = () => Number(document.documentElement.dataset.sbTimeLimit) || 10;
  const say = (key, values = {}) => text[key].replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // The code as the page has it now: the reader's edit, else the page's.
  function code(example) {
    const edit = $(example, "textarea");
    if (edit) return edit.value;
    const source = $(example, "[data-sb-source]") || $(example, ".sb-example__shown pre code");
    return source ? source.textContent : "";
  }

  function block(example) {
    const { sbSession: session, sbLine: line, sbKind: kind } = example.dataset;
    return { session, line: Number(line), kind, code: code(example) };
  }

  function show(example, ...nodes) {
    const output = $(example, ".sb-example__output");
    output.replaceChildren(...nodes);
  }

  function note(message) {
    return element("p", "sb-example__note", message);
  }

  function result(value) {
    const pre = element("pre", "sb-example__result");
    const codeNode = element("code", "", value);
    codeNode.tabIndex = 0; // a long output scrolls; the keyboard can scroll it
    pre.append(codeNode);
    return pre;
  }

  function label() {
    return element("p", "sb-example__label", text.output_label);
  }

  function ensureWorker() {
    if (!worker) worker = new Worker(workerUrl, { type: "module" });
    return worker;
  }

  function stop(message) {
    if (!active) return;
    worker.terminate();
    worker = null;
    active.finish([label(), note(message)]);
  }

  // One Run: the session's earlier runnable blocks (current code) and the target.
  function run(example) {
    const examples = [...document.querySelectorAll('[data-sb-example="runnable"]')];
    const session = example.dataset.sbSession;
    const earlier = examples.slice(0, examples.indexOf(example));
    const blocks = earlier.filter((other) => other.dataset.sbSession === session).map(block);
    blocks.push(block(example));
    return new Promise((resolve) => {
      const current = ensureWorker();
      let timer = 0;
      show(example, note(text.loading));
      button(example, "stop").hidden = false;
      const finish = (nodes) => {
        clearTimeout(timer);
        current.onmessage = current.onerror = null;
        const stopButton = button(example, "stop");
        const hadFocus = document.activeElement === stopButton;
        stopButton.hidden = true;
        if (hadFocus) button(example, "run").focus();
        show(example, ...nodes);
        example.removeAttribute("aria-busy");
        active = null;
        resolve();
      };
      active = { example, finish };
      example.setAttribute("aria-busy", "true");
      current.onmessage = ({ data }) => {
        if (data.type === "block") {
          // The limit counts execution only, block by block, not loading.
          clearTimeout(timer);
          timer = setTimeout(() => stop(say("time_limit", { seconds: seconds() })), 1000 * seconds());
          const status = $(example, ".sb-example__output .sb-example__note");
          if (status) status.textContent = text.running;
          return;
        }
        const nodes = [label()];
        if (data.type === "fatal") {
          nodes.push(note(`${text.load_failed} ${data.message}`));
          current.terminate(); // the next Run tries a new worker
          if (worker === current) worker = null;
        } else {
          const { output, status, cut, line, limit } = data.result;
          if (status === "earlier-failed") nodes.push(note(say("earlier_failed", { line })));
          nodes.push(output ? result(output) : note(text.no_output));
          const count = limit.toLocaleString(document.documentElement.lang || "en");
          if (cut) nodes.push(note(say("output_cut", { limit: count })));
        }
        finish(nodes);
      };
      current.onerror = (event) => {
        event.preventDefault();
        current.terminate();
        if (worker === current) worker = null;
        finish([label(), note(`${text.load_failed} ${event.message || workerUrl}`)]);
      };
      current.postMessage({ blocks, numpy: text.numpy });
    });
  }

  function edit(example) {
    let area = $(example, "textarea");
    if (!area) {
      const source = $(example, "[data-sb-source]");
      const shown = source ? source.closest("pre") : $(example, ".sb-example__shown");
      if (source) source.closest("details").open = true;
      area = element("textarea", "sb-example__editor");
      area.value = code(example).replace(/\n$/, "");
      area.rows = Math.min(30, area.value.split("\n").length + 1);
      area.spellcheck = false;
      area.setAttribute("aria-label", text.edit_label);
      area.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          button(example, "run").click();
        }
      });
      shown.hidden = true;
      shown.after(area);
    }
    area.focus();
  }

  function reset(example) {
    if (active && active.example === example) stop(text.stopped);
    const area = $(example, "textarea");
    if (area) {
      area.previousElementSibling.hidden = false;
      area.remove();
    }
    show(example);
  }

  function start() {
    // The build writes the table on every page with a runnable example.
    const table = document.getElementById("sb-runner-text");
    if (!table) return;
    text = JSON.parse(table.textContent);
    for (const example of document.querySelectorAll('[data-sb-example="runnable"]')) {
      const controls = $(example, ".sb-example__controls");
      if (!controls) continue;
      controls.hidden = false;
      controls.addEventListener("click", (event) => {
        const action = event.target.closest("[data-sb-action]")?.dataset.sbAction;
        if (action === "run" && !example.hasAttribute("aria-busy")) {
          example.setAttribute("aria-busy", "true");
          queue = queue.then(() => run(example));
        } else if (action === "edit") edit(example);
        else if (action === "reset") reset(example);
        else if (action === "stop") stop(text.stopped);
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
