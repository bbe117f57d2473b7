// The page's Python (issue 14): Pyodide from the site itself, the site's Python
// (aimath and sitebuild, the files the build ran) unpacked into it, and
// sitebuild.in_browser running each Run. Started by runner.js on the first Run;
// ended by Stop or the time limit.
import { loadPyodide } from "./pyodide/pyodide.mjs";

const base = new URL("./pyodide/", import.meta.url);

async function download(name) {
  const response = await fetch(new URL(name, base));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// Pyodide waits forever when one of its downloads fails (it only logs a warning):
// a failed download while Python loads ends the load, with what failed.
let failLoad;
const loadFailure = new Promise((_, reject) => (failLoad = reject));
loadFailure.catch(() => {}); // read through the race below
const siteFetch = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  const name = resource?.url ?? String(resource);
  let response;
  try {
    response = await siteFetch(resource, options);
  } catch (error) {
    failLoad(new Error(`${name}: ${error.message}`));
    throw error;
  }
  if (!response.ok) failLoad(new Error(`${name}: HTTP ${response.status}`));
  return response;
};

// The zip downloads while the runtime boots.
const sitePython = download("site-python.zip");
const ready = Promise.race([
  (async () => {
    const py = await loadPyodide({ indexURL: base.href });
    const packages = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
    py.unpackArchive(await sitePython, "zip", { extractDir: packages });
    return { py, packages, module: py.pyimport("sitebuild.in_browser") };
  })(),
  loadFailure,
]);
let sympy = null; // loaded once, when code to run first mentions it
let runtime = null;

async function loadSympy(py, packages) {
  const archives = await Promise.all([download("sympy.zip"), download("mpmath.zip")]);
  for (const archive of archives) py.unpackArchive(archive, "zip", { extractDir: packages });
  // Importing SymPy takes seconds: part of loading, not of the time limit.
  py.runPython("import sympy");
}

self.onmessage = async ({ data }) => {
  try {
    const { py, packages, module } = await ready;
    if (data.blocks.some((block) => block.code.includes("sympy"))) {
      sympy ??= loadSympy(py, packages);
      await sympy;
    }
    runtime ??= module.Runtime(data.numpy);
    const onBlock = (line) => self.postMessage({ type: "block", line });
    const result = runtime.run_json(JSON.stringify(data.blocks), onBlock);
    self.postMessage({ type: "result", result: JSON.parse(result) });
  } catch (error) {
    self.postMessage({ type: "fatal", message: String(error?.message ?? error) });
  }
};
